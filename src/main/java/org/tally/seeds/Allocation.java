package org.tally.seeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an exact total into parts proportional to weights, on a grid (0.01, 100.00…),
 * each part at most its cap, so that the parts add back to the total to the cent — the
 * press figures depend on it.
 */
final class Allocation {

	private Allocation() {
	}

	static List<BigDecimal> split(BigDecimal total, BigDecimal unit, List<BigDecimal> weights) {
		return split(total, unit, weights, null);
	}

	/**
	 * Capped largest-remainder apportionment: parts whose proportional quota exceeds
	 * their cap are pinned to the cap and the rest is re-apportioned among the others.
	 * @param caps null for no caps; otherwise one cap per weight
	 */
	static List<BigDecimal> split(BigDecimal total, BigDecimal unit, List<BigDecimal> weights, List<BigDecimal> caps) {
		int n = weights.size();
		long totalUnits = units(total, unit, "total");
		long[] cap = new long[n];
		long capSum = 0;
		for (int i = 0; i < n; i++) {
			if (weights.get(i).signum() < 0) {
				throw new IllegalArgumentException("negative weight at " + i + ": " + weights.get(i));
			}
			cap[i] = caps == null ? totalUnits : caps.get(i).divide(unit, 0, RoundingMode.FLOOR).longValueExact();
			if (weights.get(i).signum() == 0) {
				cap[i] = 0;
			}
			capSum += cap[i];
		}
		if (capSum < totalUnits) {
			throw new IllegalArgumentException(
					"cannot place " + total + " within caps summing to " + unit.multiply(BigDecimal.valueOf(capSum)));
		}
		long[] share = new long[n];
		boolean[] pinned = new boolean[n];
		while (true) {
			long remaining = totalUnits;
			BigDecimal freeWeight = BigDecimal.ZERO;
			for (int i = 0; i < n; i++) {
				if (pinned[i]) {
					remaining -= share[i];
				}
				else {
					freeWeight = freeWeight.add(weights.get(i));
				}
			}
			if (freeWeight.signum() == 0) {
				// Only zero-weight parts are left, and their caps are zero, so nothing
				// remains to place.
				break;
			}
			BigDecimal[] quota = new BigDecimal[n];
			boolean pinnedMore = false;
			for (int i = 0; i < n; i++) {
				if (pinned[i]) {
					continue;
				}
				quota[i] = BigDecimal.valueOf(remaining)
					.multiply(weights.get(i))
					.divide(freeWeight, 24, RoundingMode.HALF_EVEN);
				if (quota[i].compareTo(BigDecimal.valueOf(cap[i])) > 0) {
					pinned[i] = true;
					share[i] = cap[i];
					pinnedMore = true;
				}
			}
			if (pinnedMore) {
				continue;
			}
			long placed = 0;
			List<Integer> free = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				if (!pinned[i]) {
					share[i] = quota[i].setScale(0, RoundingMode.FLOOR).longValueExact();
					placed += share[i];
					free.add(i);
				}
			}
			long leftover = remaining - placed;
			// Largest fractional remainder first; ties go to the earlier part so the
			// result is stable.
			free.sort(Comparator.comparing((Integer i) -> quota[i].subtract(BigDecimal.valueOf(share[i])))
				.reversed()
				.thenComparing(i -> i));
			while (leftover > 0) {
				long before = leftover;
				for (int i : free) {
					if (leftover > 0 && share[i] < cap[i]) {
						share[i]++;
						leftover--;
					}
				}
				if (before == leftover) {
					throw new IllegalStateException("no room left for " + leftover + " units of " + unit);
				}
			}
			break;
		}
		return Arrays.stream(share).mapToObj(s -> unit.multiply(BigDecimal.valueOf(s))).toList();
	}

	private static long units(BigDecimal amount, BigDecimal unit, String what) {
		BigDecimal[] qr = amount.divideAndRemainder(unit);
		if (qr[1].signum() != 0 || amount.signum() < 0) {
			throw new IllegalArgumentException(what + " " + amount + " is not a non-negative multiple of " + unit);
		}
		return qr[0].longValueExact();
	}

	static BigDecimal sum(List<BigDecimal> parts) {
		return parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
