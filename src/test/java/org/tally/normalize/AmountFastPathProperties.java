package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/**
 * The long-arithmetic reading of plain amounts gives exactly what the BigDecimal reading
 * gives.
 */
class AmountFastPathProperties {

	@Property(tries = 3000)
	void givenAPlainDecimal_theFastReadingEqualsTheGeneralOneInScaleAndValue(@ForAll("plainDecimals") String raw,
			@ForAll AmountUnit unit) {
		BigDecimal general = CellValues.plainYuan(raw, unit);
		BigDecimal fast = CellValues.smallYuan(raw, unit);
		if (fast != null) {
			assertThat(fast).isEqualTo(general); // equals: same value and same scale
		}
		assertThat(CellValues.yuan(raw, unit)).isEqualTo(general);
	}

	@Provide
	Arbitrary<String> plainDecimals() {
		Arbitrary<String> sign = Arbitraries.of("", "-");
		Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19);
		Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(8);
		return Combinators.combine(sign, whole, fraction).as((s, w, f) -> s + w + (f.isEmpty() ? "" : "." + f));
	}

}
