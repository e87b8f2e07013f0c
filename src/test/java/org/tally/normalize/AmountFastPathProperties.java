package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.tally.support.Theories.digitStrings;
import static org.tally.support.Theories.qt;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The long-arithmetic reading of plain amounts gives exactly what the BigDecimal reading
 * gives.
 */
class AmountFastPathProperties {

	@Test
	void givenAPlainDecimal_theFastReadingEqualsTheGeneralOneInScaleAndValue() {
		qt(3000).forAll(plainDecimals(), arbitrary().enumValues(AmountUnit.class)).checkAssert((raw, unit) -> {
			BigDecimal general = CellValues.plainYuan(raw, unit);
			BigDecimal fast = CellValues.smallYuan(raw, unit);
			if (fast != null) {
				assertThat(fast).isEqualTo(general); // equals: same value and same scale
			}
			assertThat(CellValues.yuan(raw, unit)).isEqualTo(general);
		});
	}

	static Gen<String> plainDecimals() {
		Gen<String> sign = arbitrary().pick("", "-");
		Gen<String> whole = digitStrings(1, 19);
		Gen<String> fraction = digitStrings(0, 8);
		return sign.zip(whole, fraction, (s, w, f) -> s + w + (f.isEmpty() ? "" : "." + f));
	}

}
