package org.tally.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Apportioning an exact total never loses or invents a cent, and respects every cap. */
class AllocationProperties {

	static final BigDecimal CENT = new BigDecimal("0.01");

	@Property
	void given_any_weights_the_parts_sum_to_the_total_on_the_grid(
			@ForAll @LongRange(min = 0, max = 10_000_000_000L) long totalCents,
			@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 1, max = 1_000_000) Integer> weights) {
		BigDecimal total = BigDecimal.valueOf(totalCents, 2);
		List<BigDecimal> parts = Allocation.split(total, CENT, weights.stream().map(BigDecimal::valueOf).toList());
		assertThat(parts).hasSize(weights.size());
		assertThat(Allocation.sum(parts)).isEqualByComparingTo(total);
		assertThat(parts).allSatisfy(p -> {
			assertThat(p.signum()).isNotNegative();
			assertThat(p.remainder(CENT).signum()).isZero();
		});
	}

	@Property
	void given_caps_that_leave_room_no_part_exceeds_its_cap_and_the_total_still_holds(
			@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 1, max = 1_000_000) Integer> weights,
			@ForAll @IntRange(min = 1, max = 100) int fillPercent) {
		List<BigDecimal> caps = weights.stream().map(w -> BigDecimal.valueOf(w * 37L % 100_000 + 1, 2)).toList();
		BigDecimal room = Allocation.sum(caps);
		BigDecimal total = room.multiply(BigDecimal.valueOf(fillPercent))
			.divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
		List<BigDecimal> parts = Allocation.split(total, CENT, weights.stream().map(BigDecimal::valueOf).toList(),
				caps);
		assertThat(Allocation.sum(parts)).isEqualByComparingTo(total);
		for (int i = 0; i < parts.size(); i++) {
			assertThat(parts.get(i)).isLessThanOrEqualTo(caps.get(i));
		}
	}

	@Property
	void given_a_coarser_grid_every_part_is_a_multiple_of_it(
			@ForAll @LongRange(min = 0, max = 10_000_000) long hundreds,
			@ForAll @Size(min = 1, max = 64) List<@IntRange(min = 1, max = 500) Integer> weights) {
		BigDecimal unit = new BigDecimal("100.00");
		BigDecimal total = unit.multiply(BigDecimal.valueOf(hundreds));
		List<BigDecimal> parts = Allocation.split(total, unit, weights.stream().map(BigDecimal::valueOf).toList());
		assertThat(Allocation.sum(parts)).isEqualByComparingTo(total);
		assertThat(parts).allSatisfy(p -> assertThat(p.remainder(unit).signum()).isZero());
	}

}
