package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhraseCorrectionTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			约120亿元   | 10985632500 | 约110亿元
			500余亿元   | 60237450000 | 600余亿元
			超过700亿元 | 60237450000 | 超600亿元
			141个       | 140         | 140个
			达1.1亿元   | 103046800   | 达1.0亿元
			10,298万元  | 103046800   | 10305万元
			近100亿元   | 10985632500 | 近200亿元
			70%         | 62.142857   | 62%
			约5.0倍     | 5.483       | 约5.5倍
			六成        | 71.4        | 71%
			约六成      | 71.4        | 约71%
			1.5万人次   | 12000       | 1.2万人次
			120个       | 0           | null
			""")
	void givenAPhraseThatDoesNotHoldTheValue_theCorrectionKeepsItsHedgeMagnitudeAndPrecision(String said, String value,
			String correction) {
		PhraseRange range = PressPhrasing.parse(said).orElseThrow();

		assertThat(PhraseCorrection.correct(range, new BigDecimal(value)).orElse(null)).isEqualTo(correction);
		if (correction != null) {
			assertThat(PressPhrasing.parse(correction).orElseThrow().contains(new BigDecimal(value))).isTrue();
		}
	}

	@Test
	void givenABareAmountWithoutYuan_theCorrectionIsStatedInYuan() {
		PhraseRange said = new PhraseRange("1.03亿", PhraseKind.EXACT, FigureUnit.CNY, new BigDecimal("102500000"),
				new BigDecimal("103500000"), false);

		assertThat(PhraseCorrection.correct(said, new BigDecimal("70778500"))).contains("0.71亿元");
	}

}
