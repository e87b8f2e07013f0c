package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountUnitTest {

	@ParameterizedTest(name = "given [{0}], the unit is {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			金额（万元）           | WAN
			金额(万元)             | WAN
			'签约投资额\n（万元）' | WAN
			单位：亿元             | YI
			单位:万元              | WAN
			'单位： 万元'          | WAN
			(元)                   | YUAN
			单价（元）             | YUAN
			合作資金（萬元）       | WAN
			到位資金（億元）       | YI
			GDP(万亿元)            | WAN_YI
			金额（亿元人民币）     | YI
			金额（人民币万元）     | WAN
			金额【万元】           | WAN
			金额（万元，累计）     | WAN
			单价/元                | YUAN
			投资额万元             | WAN
			'附注：单位：万元'     | WAN
			""")
	void givenHeaderOrNoteText_theUnitIsFound(String text, AmountUnit expected) {
		assertThat(AmountUnit.findIn(text.replace("\\n", "\n"))).contains(expected);
	}

	@ParameterizedTest(name = "given [{0}], no unit is found")
	@ValueSource(strings = { "项目名称", "金额（万美元）", "港元", "多元化发展", "单元格", "元旦", "培训教师(人次)", "" })
	void givenTextWithoutAYuanUnit_nothingIsFound(String text) {
		assertThat(AmountUnit.findIn(text)).isEmpty();
	}

	@Test
	void givenNull_nothingIsFound() {
		assertThat(AmountUnit.findIn(null)).isEqualTo(Optional.empty());
	}

	@Test
	void givenAnAmount_itIsConvertedExactly() {
		assertThat(AmountUnit.WAN.toYuan(new BigDecimal("3.5"))).isEqualByComparingTo("35000");
		assertThat(AmountUnit.YI.toYuan(new BigDecimal("600.01"))).isEqualByComparingTo("60001000000");
		assertThat(AmountUnit.WAN_YI.toYuan(new BigDecimal("0.000000000001"))).isEqualByComparingTo("1");
		assertThat(AmountUnit.WAN.toYuan(new BigDecimal("3.5")).toPlainString()).isEqualTo("35000.0");
	}

	@Test
	void givenEachUnit_symbolAndFactorAgree() {
		assertThat(AmountUnit.YUAN.symbol()).isEqualTo("元");
		assertThat(AmountUnit.WAN.symbol()).isEqualTo("万元");
		assertThat(AmountUnit.YI.symbol()).isEqualTo("亿元");
		assertThat(AmountUnit.WAN_YI.symbol()).isEqualTo("万亿元");
		assertThat(AmountUnit.YUAN.factor()).isEqualByComparingTo("1");
		assertThat(AmountUnit.WAN.factor()).isEqualByComparingTo("1e4");
		assertThat(AmountUnit.YI.factor()).isEqualByComparingTo("1e8");
		assertThat(AmountUnit.WAN_YI.factor()).isEqualByComparingTo("1e12");
	}

}
