package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ChineseNumeralProperties {

	@Property(tries = 2000)
	void givenAnyIntegerWrittenInChinese_itReadsBackToTheSameValue(@ForAll @IntRange(min = 0, max = 99_999_999) int n,
			@ForAll ChineseNumeralRenderer.Style style, @ForAll boolean leadingYiShi) {
		String chinese = ChineseNumeralRenderer.render(n, style, leadingYiShi);
		assertThat(CellValues.number(chinese)).as(chinese).isEqualByComparingTo(Integer.toString(n));
		assertThat(CellValues.count(chinese)).as(chinese).isEqualTo(n);
	}

	@Property(tries = 300)
	void givenSmallValues_everyOneReadsBack(@ForAll @IntRange(min = 0, max = 12_000) int n) {
		String chinese = ChineseNumeralRenderer.render(n, ChineseNumeralRenderer.Style.PLAIN, false);
		assertThat(CellValues.number(chinese)).as(chinese).isEqualByComparingTo(Integer.toString(n));
	}

	@Property(tries = 300)
	void givenAYearWrittenDigitByDigit_itReadsAsThatNumber(@ForAll @IntRange(min = 1000, max = 2999) int year) {
		assertThat(CellValues.number(ChineseNumeralRenderer.digitByDigit(year)))
			.isEqualByComparingTo(Integer.toString(year));
	}

	@Example
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
