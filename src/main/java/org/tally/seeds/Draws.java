package org.tally.seeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The planners' draws from the one {@link Random} the sample inbox is decided by: every
 * planner draws in turn, so the order of the draws is the order of the bytes.
 */
final class Draws {

	static final BigDecimal CENT = new BigDecimal("0.01");

	private static final BigDecimal PERCENT = new BigDecimal("100");

	/**
	 * The city districts attract more projects than the mountain counties: in
	 * {@link SampleNames#COUNTIES} order.
	 */
	private static final List<Integer> COUNTY_WEIGHTS = List.of(4, 3, 2, 2, 2, 1, 1, 1, 2, 1, 1, 1);

	private final Random random;

	Draws(Random random) {
		this.random = random;
	}

	int nextInt(int bound) {
		return random.nextInt(bound);
	}

	<T> void shuffle(List<T> list) {
		Collections.shuffle(list, random);
	}

	String county() {
		int total = COUNTY_WEIGHTS.stream().mapToInt(Integer::intValue).sum();
		int r = random.nextInt(total);
		for (int k = 0; k < SampleNames.COUNTIES.size(); k++) {
			r -= COUNTY_WEIGHTS.get(k);
			if (r < 0) {
				return SampleNames.COUNTIES.get(k);
			}
		}
		throw new IllegalStateException("county weights do not cover " + total);
	}

	<T> T pick(List<T> from) {
		return from.get(random.nextInt(from.size()));
	}

	/** k distinct elements of from, in their original order. */
	List<Integer> choose(List<Integer> from, int k) {
		if (from.size() < k) {
			throw new IllegalStateException("cannot choose " + k + " of " + from.size());
		}
		List<Integer> copy = new ArrayList<>(from);
		Collections.shuffle(copy, random);
		List<Integer> chosen = new ArrayList<>(copy.subList(0, k));
		Collections.sort(chosen);
		return chosen;
	}

	/**
	 * The lines of an education or health file, shuffled: one for each project of the
	 * field, as {@code coded} writes it, then lines {@code uncoded} draws until there are
	 * {@code count}, each identity once.
	 */
	<T> List<T> lines(List<PlannedProject> projects, String field, int count, Function<PlannedProject, T> coded,
			Supplier<T> uncoded, Function<T, String> identity) {
		List<T> lines = new ArrayList<>();
		Set<String> identities = new HashSet<>();
		for (PlannedProject p : projects) {
			if (p.field.equals(field)) {
				T line = coded.apply(p);
				identities.add(identity.apply(line));
				lines.add(line);
			}
		}
		while (lines.size() < count) {
			T line = uncoded.get();
			if (identities.add(identity.apply(line))) {
				lines.add(line);
			}
		}
		shuffle(lines);
		return lines;
	}

	/**
	 * The mid-year file's lines: {@code count} of those {@link #midYearEligible
	 * eligible}, in year-end order, each as {@code midYear} scales it down.
	 */
	<T> List<T> midYearLines(List<T> yearEnd, Function<T, String> code, int count, UnaryOperator<T> midYear) {
		List<Integer> eligible = midYearEligible(yearEnd.stream().map(code).toList());
		List<T> mid = new ArrayList<>();
		for (int k : choose(eligible, count)) {
			mid.add(midYear.apply(yearEnd.get(k)));
		}
		return mid;
	}

	/** An amount in [low, high) with random cents. */
	BigDecimal amount(int low, int high) {
		long cents = low * 100L + random.nextInt((high - low) * 100);
		return BigDecimal.valueOf(cents, 2);
	}

	/** A count reached by mid-year: 40 to 80 per cent of the year's, at least one. */
	int midYearPart(int yearEnd) {
		return Math.max(1, yearEnd * (40 + random.nextInt(41)) / 100);
	}

	/**
	 * The funds arrived by mid-year of an education or health line: its ledger project's,
	 * or for a line without a project code 30 to 90 per cent of the year's.
	 */
	BigDecimal midYearArrived(String code, BigDecimal yearEnd, List<PlannedProject> projects) {
		return code.isEmpty() ? share(yearEnd, 30 + random.nextInt(61)) : projects.get(codeIndex(code)).midFundPaid;
	}

	static BigDecimal share(BigDecimal amount, int percent) {
		return amount.multiply(BigDecimal.valueOf(percent)).divide(PERCENT, 2, RoundingMode.DOWN);
	}

	/**
	 * Positions of the lines a mid-year file may hold: those without a project code, and
	 * those of projects signed by mid-year.
	 */
	static List<Integer> midYearEligible(List<String> codes) {
		return range(0, codes.size()).stream()
			.filter(k -> codes.get(k).isEmpty() || codeIndex(codes.get(k)) < LedgerPlanner.MID_YEAR_PROJECTS)
			.toList();
	}

	static int codeIndex(String code) {
		return Integer.parseInt(code.substring(code.indexOf('-') + 1)) - 1;
	}

	static List<Integer> range(int from, int to) {
		return IntStream.range(from, to).boxed().collect(Collectors.toList());
	}

}
