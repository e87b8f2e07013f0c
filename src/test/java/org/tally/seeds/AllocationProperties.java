package org.tally.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.tally.support.Theories.longsAcrossMagnitudes;
import static org.tally.support.Theories.qt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Apportioning an exact total never loses or invents a cent, and respects every cap. */
class AllocationProperties {

	static final BigDecimal CENT = new BigDecimal("0.01");

	static Gen<List<Integer>> weights(int maxSize, int maxWeight) {
		return lists().of(integers().between(1, maxWeight)).ofSizeBetween(1, maxSize);
	}

	@Test
	void givenAnyWeights_thePartsSumToTheTotalOnTheGrid() {
		qt(1000).forAll(longsAcrossMagnitudes(0, 10_000_000_000L), weights(60, 1_000_000))
			.checkAssert((totalCents, weights) -> {
				BigDecimal total = BigDecimal.valueOf(totalCents, 2);
				List<BigDecimal> parts = Allocation.split(total, CENT,
						weights.stream().map(BigDecimal::valueOf).toList());
				assertThat(parts).hasSize(weights.size());
				assertThat(Allocation.sum(parts)).isEqualByComparingTo(total);
				assertThat(parts).allSatisfy(p -> {
					assertThat(p.signum()).isNotNegative();
					assertThat(p.remainder(CENT).signum()).isZero();
				});
			});
	}

	@Test
	void givenCapsThatLeaveRoom_noPartExceedsItsCapAndTheTotalStillHolds() {
		qt(1000).forAll(weights(60, 1_000_000), integers().between(1, 100)).checkAssert((weights, fillPercent) -> {
			List<BigDecimal> caps = weights.stream().map(w -> BigDecimal.valueOf(w * 37L % 100_000 + 1, 2)).toList();
			BigDecimal room = Allocation.sum(caps);
			BigDecimal total = room.multiply(BigDecimal.valueOf(fillPercent))
				.divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
			List<BigDecimal> parts = Allocation.split(total, CENT, weights.stream().map(BigDecimal::valueOf).toList(),
					caps);
			assertThat(Allocation.sum(parts)).isEqualByComparingTo(total);
			for (int i = 0; i < parts.size(); i++) {
				assertThat(parts.get(i)).isLessThanOrEqualTo(caps.get(i));
			}
		});
	}

	@Test
	void givenACoarserGrid_everyPartIsAMultipleOfIt() {
		qt(1000).forAll(longsAcrossMagnitudes(0, 10_000_000), weights(64, 500)).checkAssert((hundreds, weights) -> {
			BigDecimal unit = new BigDecimal("100.00");
			BigDecimal total = unit.multiply(BigDecimal.valueOf(hundreds));
			List<BigDecimal> parts = Allocation.split(total, unit, weights.stream().map(BigDecimal::valueOf).toList());
			assertThat(Allocation.sum(parts)).isEqualByComparingTo(total);
			assertThat(parts).allSatisfy(p -> assertThat(p.remainder(unit).signum()).isZero());
		});
	}

}
