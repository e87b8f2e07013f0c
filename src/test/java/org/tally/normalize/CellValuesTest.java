package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {

	@Nested
	class Placeholders {

		@ParameterizedTest(name = "given [{0}], the cell is blank")
		@ValueSource(strings = { "", " ", "\u3000", "\n", "—", "——", "-", "--", "－", "/", "／", "无", "無", "空", "N/A",
				"n/a", "Ｎ／Ａ", " - " })
		void givenAPlaceholder_everyParserReturnsNull(String raw) {
			assertThat(CellValues.isPlaceholder(raw)).isTrue();
			assertThat(CellValues.number(raw)).isNull();
			assertThat(CellValues.count(raw)).isNull();
			assertThat(CellValues.yuan(raw, AmountUnit.WAN)).isNull();
			assertThat(CellValues.date(raw, true, false)).isNull();
			assertThat(CellValues.code(raw)).isNull();
			assertThat(CellValues.text(raw)).isNull();
		}

		@Test
		void givenNull_theCellIsBlank() {
			assertThat(CellValues.isPlaceholder(null)).isTrue();
			assertThat(CellValues.number(null)).isNull();
			assertThat(CellValues.text(null)).isNull();
		}

		@ParameterizedTest(name = "given [{0}], the cell is not blank")
		@ValueSource(strings = { "0", "#N/A", "一", "无锡", "NA" })
		void givenRealContent_theCellIsNotAPlaceholder(String raw) {
			assertThat(CellValues.isPlaceholder(raw)).isFalse();
		}

		@ParameterizedTest(name = "given the Excel error {0}, every parser rejects it")
		@ValueSource(strings = { "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#n/a" })
		void givenAnExcelError_everyParserRejectsIt(String raw) {
			for (Runnable parse : new Runnable[] { () -> CellValues.number(raw),
					() -> CellValues.yuan(raw, AmountUnit.YUAN), () -> CellValues.date(raw, true, false),
					() -> CellValues.code(raw), () -> CellValues.text(raw) }) {
				assertThatThrownBy(parse::run).isInstanceOfSatisfying(ValueFormatException.class, e -> {
					assertThat(e.raw()).isEqualTo(raw);
					assertThat(e.reasonZh()).isEqualTo("单元格是Excel错误值");
					assertThat(e.reasonEn()).isEqualTo("cell holds an Excel error value");
				});
			}
		}

	}

	@Nested
	class Numbers {

		@ParameterizedTest(name = "given [{0}], the number is {1}")
		@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
				0                    | 0
				-0                   | 0
				12345                | 12345
				12,345.67            | 12345.67
				１２３４５           | 12345
				１２，３４５．６７   | 12345.67
				' 1 234 '            | 1234
				1 234 567.5          | 1234567.5
				(1,200)              | -1200
				（1,200）            | -1200
				-5                   | -5
				−5                   | -5
				+5                   | 5
				12.50                | 12.5
				5.                   | 5
				.5                   | 0.5
				007                  | 7
				12.5%                | 0.125
				12.5％               | 0.125
				100%                 | 1
				-3%                  | -0.03
				(12%)                | -0.12
				5‰                   | 0.005
				6.0237E3             | 6023.7
				6.0237e+3            | 6023.7
				1.5E-3               | 0.0015
				1.40402200000001E14  | 140402200000001
				0.30000000000000004  | 0.3
				1234.5600000000002   | 1234.56
				'12\u00A0345'        | 12345
				一百四十             | 140
				两千三百             | 2300
				1.5万                | 15000
				3.5亿                | 350000000
				1,200万              | 12000000
				3万5千               | 35000
				2亿3000万            | 230000000
				3.5萬                | 35000
				3万亿                | 3000000000000
				十                   | 10
				十五                 | 15
				二十                 | 20
				一百零五             | 105
				一千零五十           | 1050
				一万五                | 15000
				三百五                | 350
				两亿三                | 230000000
				十二万三千四百五十六 | 123456
				一亿二千万           | 120000000
				一亿零五百万         | 105000000
				一万零五             | 10005
				九千九百九十九万九千九百九十九 | 99999999
				零                   | 0
				〇                   | 0
				二〇二四             | 2024
				壹佰贰拾叁           | 123
				貳拾參萬肆仟         | 234000
				叁仟伍佰万           | 35000000
				陸拾                 | 60
				兩千                 | 2000
				三点五                | 3.5
				三点五万              | 35000
				负三百                | -300
				千万                  | 10000000
				""")
		void givenNumberText_theValueIsExact(String raw, String expected) {
			BigDecimal value = CellValues.number(raw.replace("\\u00A0", "\u00A0"));
			assertThat(value).isEqualByComparingTo(expected);
			assertThat(value.scale()).as("no trailing zeros, no negative scale")
				.isBetween(0, Math.max(0, new BigDecimal(expected).scale()));
		}

		@ParameterizedTest(name = "given [{0}], the number is rejected: {1} / {2}")
		@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
				abc          | 不是有效的数字       | not a number
				12a          | 不是有效的数字       | not a number
				约110亿      | 不是有效的数字       | not a number
				600余        | 不是有效的数字       | not a number
				1.2.3        | 不是有效的数字       | not a number
				--5          | 不是有效的数字       | not a number
				(-5)         | 不是有效的数字       | not a number
				5-           | 不是有效的数字       | not a number
				%            | 不是有效的数字       | not a number
				12,5         | 千分位分隔符位置不正确 | misplaced thousands separator
				1,2345       | 千分位分隔符位置不正确 | misplaced thousands separator
				'12 5'       | 千分位分隔符位置不正确 | misplaced thousands separator
				1E999        | 数值超出范围         | number out of range
				三四百       | 中文数字格式不正确    | malformed Chinese numeral
				十百         | 中文数字格式不正确    | malformed Chinese numeral
				百千         | 中文数字格式不正确    | malformed Chinese numeral
				一万二万     | 中文数字格式不正确    | malformed Chinese numeral
				一亿二亿     | 中文数字格式不正确    | malformed Chinese numeral
				3万5         | 数字与单位的组合有歧义 | ambiguous mix of digits and units
				12万3456     | 数字与单位的组合有歧义 | ambiguous mix of digits and units
				""")
		void givenTextThatIsNoNumber_theReasonIsBilingual(String raw, String reasonZh, String reasonEn) {
			assertThatThrownBy(() -> CellValues.number(raw)).isInstanceOfSatisfying(ValueFormatException.class, e -> {
				assertThat(e.raw()).isEqualTo(raw);
				assertThat(e.reasonZh()).isEqualTo(reasonZh);
				assertThat(e.reasonEn()).isEqualTo(reasonEn);
				assertThat(e.getMessage()).isEqualTo(reasonZh + " / " + reasonEn + ": '" + raw + "'");
			});
		}

	}

	@Nested
	class Counts {

		@ParameterizedTest(name = "given [{0}], the count is {1}")
		@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
				12       | 12
				12.0     | 12
				1,200    | 1200
				两千三百 | 2300
				1.5万    | 15000
				0        | 0
				４２     | 42
				""")
		void givenAWholeNumber_theCountIsExact(String raw, long expected) {
			assertThat(CellValues.count(raw)).isEqualTo(expected);
		}

		@ParameterizedTest(name = "given [{0}], the count is rejected: {1}")
		@CsvSource(delimiter = '|', textBlock = """
				12.5                     | not a whole number
				50%                      | not a whole number
				-3                       | a count cannot be negative
				99999999999999999999     | number out of range
				十二个                   | not a number
				""")
		void givenNoWholeNumber_theCountIsRejected(String raw, String reasonEn) {
			assertThatThrownBy(() -> CellValues.count(raw)).isInstanceOfSatisfying(ValueFormatException.class,
					e -> assertThat(e.reasonEn()).isEqualTo(reasonEn));
		}

		@Test
		void givenAFraction_theMessageNamesTheValue() {
			assertThatThrownBy(() -> CellValues.count("12.5")).hasMessage("不是整数 / not a whole number: '12.5'");
		}

	}

	@Nested
	class Yuan {

		@ParameterizedTest(name = "given [{0}] in a {1} column, the amount is {2} yuan")
		@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
				1,200         | WAN    | 12000000.00
				1200          | YUAN   | 1200.00
				12.345        | YUAN   | 12.345
				0.5           | YI     | 50000000.00
				3.5亿         | WAN    | 350000000.00
				3.5億         | YUAN   | 350000000.00
				1,200万元     | YI     | 12000000.00
				800元         | WAN    | 800.00
				'800 元'      | WAN    | 800.00
				3.5万亿元     | YUAN   | 3500000000000.00
				1.5万         | WAN    | 15000.00
				三千万        | WAN    | 30000000.00
				两千三百      | WAN    | 23000000.00
				(1,200.5)     | WAN    | -12005000.00
				¥1,200        | YUAN   | 1200.00
				￥1,200.50    | WAN    | 12005000.00
				-¥5           | YUAN   | -5.00
				(¥1,200万元)  | YUAN   | -12000000.00
				负800元       | WAN    | -800.00
				６００         | YI     | 60000000000.00
				110           | YI     | 11000000000.00
				2.3           | WAN_YI | 2300000000000.00
				0.30000000000000004 | WAN | 3000.00
				""")
		void givenAmountText_theYuanAreExact(String raw, AmountUnit column, String expected) {
			BigDecimal yuan = CellValues.yuan(raw, column);
			assertThat(yuan).isEqualByComparingTo(expected);
			assertThat(yuan.scale()).isEqualTo(new BigDecimal(expected).scale());
		}

		@ParameterizedTest(name = "given [{0}], the amount is rejected: {1}")
		@CsvSource(delimiter = '|', textBlock = """
				12%      | an amount cannot be a percentage
				元       | not a number
				约5亿元  | not a number
				5美元    | not a number
				(-5元)   | not a number
				""")
		void givenNoAmount_itIsRejected(String raw, String reasonEn) {
			assertThatThrownBy(() -> CellValues.yuan(raw, AmountUnit.WAN))
				.isInstanceOfSatisfying(ValueFormatException.class, e -> assertThat(e.reasonEn()).isEqualTo(reasonEn));
		}

	}

	@Nested
	class Dates {

		@ParameterizedTest(name = "given [{0}], the date is {1}")
		@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
				2024-04-24            | 2024-04-24
				2024-4-24             | 2024-04-24
				2024/4/24             | 2024-04-24
				2024/04/24            | 2024-04-24
				2024.4.24             | 2024-04-24
				2024年4月24日         | 2024-04-24
				2024年04月24日        | 2024-04-24
				'2024 年 4 月 24 日'  | 2024-04-24
				2024年4月24号         | 2024-04-24
				2024年4月             | 2024-04-01
				20240424              | 2024-04-24
				2024-04-24 00:00:00   | 2024-04-24
				2024-04-24 13:45      | 2024-04-24
				2024-04-24T00:00      | 2024-04-24
				2024-04-24T00:00:00.000 | 2024-04-24
				2024/4/24 0:00        | 2024-04-24
				２０２４－０４－２４  | 2024-04-24
				２０２４年４月２４日  | 2024-04-24
				二〇二四年四月二十四日 | 2024-04-24
				二〇二四年十二月      | 2024-12-01
				2024-02-29            | 2024-02-29
				""")
		void givenDateText_theDateIsRead(String raw, LocalDate expected) {
			assertThat(CellValues.date(raw, false, false)).isEqualTo(expected);
			assertThat(CellValues.date(raw, true, false)).isEqualTo(expected);
		}

		@ParameterizedTest(name = "given serial {0} in the {1} system, the date is {2}")
		@CsvSource(delimiter = '|', textBlock = """
				1          | 1900 | 1900-01-01
				59         | 1900 | 1900-02-28
				61         | 1900 | 1900-03-01
				45406      | 1900 | 2024-04-24
				45406.0    | 1900 | 2024-04-24
				45406.75   | 1900 | 2024-04-24
				45657      | 1900 | 2024-12-31
				2958465    | 1900 | 9999-12-31
				0          | 1904 | 1904-01-01
				43944      | 1904 | 2024-04-24
				2957003    | 1904 | 9999-12-31
				""")
		void givenAnExcelSerial_theDateFollowsTheWorkbooksSystem(String raw, int system, LocalDate expected) {
			assertThat(CellValues.date(raw, true, system == 1904)).isEqualTo(expected);
		}

		@ParameterizedTest(name = "given [{0}] (serials allowed: {1}), the date is rejected: {2}")
		@CsvSource(delimiter = '|', textBlock = """
				45406        | false | not a date
				hello        | true  | not a date
				24-4-24      | true  | not a date
				2024-04      | false | not a date
				2024-13-01   | true  | no such date
				2023-02-29   | true  | no such date
				2024年2月30日 | true  | no such date
				20241301     | true  | no such date
				2024-04-24 25:00 | true | not a date
				60           | true  | Excel serial 60 is 1900-02-29, a day that never existed
				0            | true  | Excel date serial out of range
				2958466      | true  | Excel date serial out of range
				2024-4/24    | true  | not a date
				""")
		void givenNoDate_itIsRejected(String raw, boolean excelSerial, String reasonEn) {
			assertThatThrownBy(() -> CellValues.date(raw, excelSerial, false))
				.isInstanceOfSatisfying(ValueFormatException.class, e -> assertThat(e.reasonEn()).isEqualTo(reasonEn));
		}

		@Test
		void givenTheSameSerial_the1904SystemIs1462DaysLater() {
			assertThat(CellValues.date("45406", true, true))
				.isEqualTo(CellValues.date("45406", true, false).plusDays(1462));
		}

	}

	@Nested
	class Codes {

		@ParameterizedTest(name = "given [{0}], the code is [{1}]")
		@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
				2023001                | 2023001
				2023001.0              | 2023001
				2023001.00             | 2023001
				' 2023 001 '           | 2023001
				２０２３００１         | 2023001
				'ＣＺ－２０２４－０１' | CZ-2024-01
				'''2023001'            | 2023001
				140402200000001        | 140402200000001
				14040220000000.0       | 14040220000000
				140402200000001234     | 140402200000001234
				91140400MA0K123X4Y     | 91140400MA0K123X4Y
				007                    | 007
				3.2                    | 3.2
				2E45                   | 2E45
				'长治 高新区'          | 长治高新区
				""")
		void givenIdentifierText_theCodeKeepsEveryDigit(String raw, String expected) {
			assertThat(CellValues.code(raw)).isEqualTo(expected);
		}

		@ParameterizedTest(name = "given [{0}], the code is rejected: {1}")
		@CsvSource(delimiter = '|', textBlock = """
				1.40402200000001E14   | code in scientific notation: digits are lost
				1.40402200000001E+14  | code in scientific notation: digits are lost
				1.4e14                | code in scientific notation: digits are lost
				1E+14                 | code in scientific notation: digits are lost
				140402200000001.0     | code stored as a floating-point number: digits may be lost
				1404022000000010000.0 | code stored as a floating-point number: digits may be lost
				""")
		void givenACodeThatWentThroughADouble_itIsRejected(String raw, String reasonEn) {
			assertThatThrownBy(() -> CellValues.code(raw)).isInstanceOfSatisfying(ValueFormatException.class,
					e -> assertThat(e.reasonEn()).isEqualTo(reasonEn));
		}

	}

	@Nested
	class Texts {

		@ParameterizedTest(name = "given [{0}], the text is [{1}]")
		@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
				'  长治市  '                 | 长治市
				'北京市\n对口\r\n合作'      | 北京市 对口 合作
				'长治   高新区'              | 长治 高新区
				'ＡＢＣ１２３'               | ABC123
				'长治　潞州区'               | 长治 潞州区
				'\u200B长治'                 | 长治
				'北京，长治'                 | 北京,长治
				'①号项目'                   | ①号项目
				""")
		void givenFreeText_itIsTidied(String raw, String expected) {
			String unescaped = raw.replace("\\n", "\n").replace("\\r", "\r").replace("\\u200B", "\u200B");
			assertThat(CellValues.text(unescaped)).isEqualTo(expected);
		}

	}

}
