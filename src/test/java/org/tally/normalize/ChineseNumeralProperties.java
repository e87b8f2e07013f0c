package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.tally.support.Theories.integersAcrossMagnitudes;
import static org.tally.support.Theories.qt;

import org.junit.jupiter.api.Test;

class ChineseNumeralProperties {

	@Test
	void givenAnyIntegerWrittenInChinese_itReadsBackToTheSameValue() {
		qt(2000)
			.forAll(integersAcrossMagnitudes(0, 99_999_999), arbitrary().enumValues(ChineseNumeralRenderer.Style.class),
					booleans().all())
			.checkAssert((n, style, leadingYiShi) -> {
				String chinese = ChineseNumeralRenderer.render(n, style, leadingYiShi);
				assertThat(CellValues.number(chinese)).as(chinese).isEqualByComparingTo(Integer.toString(n));
				assertThat(CellValues.count(chinese)).as(chinese).isEqualTo(n.longValue());
			});
	}

	@Test
	void givenSmallValues_everyOneReadsBack() {
		qt(300).forAll(integers().between(0, 12_000)).checkAssert(n -> {
			String chinese = ChineseNumeralRenderer.render(n, ChineseNumeralRenderer.Style.PLAIN, false);
			assertThat(CellValues.number(chinese)).as(chinese).isEqualByComparingTo(Integer.toString(n));
		});
	}

	@Test
	void givenAYearWrittenDigitByDigit_itReadsAsThatNumber() {
		qt(300).forAll(integers().between(1000, 2999))
			.checkAssert(year -> assertThat(CellValues.number(ChineseNumeralRenderer.digitByDigit(year)))
				.isEqualByComparingTo(Integer.toString(year)));
	}

	@Test
	void givenTheRenderer_itWritesTheUsualForms() {
		assertThat(ChineseNumeralRenderer.render(10_010, ChineseNumeralRenderer.Style.PLAIN, false)).isEqualTo("一万零一十");
		assertThat(ChineseNumeralRenderer.render(15, ChineseNumeralRenderer.Style.PLAIN, false)).isEqualTo("十五");
		assertThat(ChineseNumeralRenderer.render(2300, ChineseNumeralRenderer.Style.LIANG, false)).isEqualTo("两千三百");
		assertThat(ChineseNumeralRenderer.render(99_999_999, ChineseNumeralRenderer.Style.FINANCIAL, true))
			.isEqualTo("玖仟玖佰玖拾玖万玖仟玖佰玖拾玖");
		assertThat(ChineseNumeralRenderer.render(1_000_001, ChineseNumeralRenderer.Style.PLAIN, false))
			.isEqualTo("一百万零一");
	}

}
