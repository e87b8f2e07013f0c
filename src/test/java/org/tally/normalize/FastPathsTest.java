package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcuts that spare most cells the full parse accept exactly the shapes they
 * promise and nothing else: a shortcut that accepted more would skip a check, one that
 * accepted less would only cost time, and only a test of the shortcut itself can tell.
 */
class FastPathsTest {

	@Nested
	class PlainDecimals {

		@ParameterizedTest
		@ValueSource(strings = { "0", "9", "-1", "1.5", "-0.25", "123456789012345678901234567890" })
		void givenDigitsWithAtMostOnePointInside_itIsPlain(String raw) {
			assertThat(PlainCells.plainDecimal(raw)).isTrue();
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "-", "1.", ".5", "-.5", "1.2.3", "/", ":", "1/2", "1:2", "1e5", "+1", " 1",
				"1234567890123456789012345678901" })
		void givenAnythingElse_itIsNotPlain(String raw) {
			assertThat(PlainCells.plainDecimal(raw)).isFalse();
		}

		@Test
		void givenNull_itIsNotPlain() {
			assertThat(PlainCells.plainDecimal(null)).isFalse();
		}

	}

	@Nested
	class SmallYuan {

		@ParameterizedTest
		@CsvSource({ "1, YUAN, 1.00", "-1.5, YUAN, -1.50", "0.001, YUAN, 0.001", "1.2345, WAN, 12345.00",
				"1.23, YI, 123000000.00", "0.0001, WAN, 1.00", "123456789012345, YUAN, 123456789012345.00",
				"0.000000000000001, YUAN, 0.000000000000001", "00012, YUAN, 12.00", "1.10, YUAN, 1.10",
				"1.100, YUAN, 1.10", "2.5, WAN_YI, 2500000000000.00" })
		void givenAtMostFifteenSignificantDigits_itReadsTheExactYuanWithAtLeastTwoDecimals(String raw, AmountUnit unit,
				String yuan) {
			BigDecimal small = CellValues.smallYuan(raw, unit);
			assertThat(small).isNotNull();
			assertThat(small.toPlainString()).isEqualTo(yuan);
			assertThat(small).isEqualTo(CellValues.plainYuan(raw, unit));
		}

		@ParameterizedTest
		@CsvSource({ "1234567890123456, YUAN", "0.1234567890123456, YUAN", "922337203685477, YI" })
		void givenMoreDigitsThanExcelKeepsOrALongOverflow_itLeavesTheReadingToBigDecimal(String raw, AmountUnit unit) {
			assertThat(CellValues.smallYuan(raw, unit)).isNull();
		}

	}

	@Nested
	class PlainDates {

		@Test
		void givenAnIsoDate_itIsReadWithoutTheFullParse() {
			assertThat(DateText.plain("2024-05-14", false, false)).isEqualTo(LocalDate.of(2024, 5, 14));
			assertThat(DateText.plain("1999-12-31", true, false)).isEqualTo(LocalDate.of(1999, 12, 31));
		}

		@ParameterizedTest
		@ValueSource(strings = { "2024-5-14", "2024/05/14", "2024-05/14", "2024-0/-14", "2024-0:-14", "/024-05-14",
				"2:24-05-14", "2024-05-1/", "2024-05-1:", "2024-05-140", "024-05-14", "2024年05月14" })
		void givenAnyOtherText_itIsLeftToTheFullParse(String raw) {
			assertThat(DateText.plain(raw, false, false)).isNull();
		}

		@ParameterizedTest
		@CsvSource({ "45426, 2024-05-14", "45426.0, 2024-05-14", "45406.75, 2024-04-24", "1, 1900-01-01",
				"59, 1900-02-28", "61, 1900-03-01", "2958465, 9999-12-31" })
		void givenAWholeOrTimedExcelSerial_itIsTheDayOfTheSerial(String raw, LocalDate day) {
			assertThat(DateText.plain(raw, true, false)).isEqualTo(day);
		}

		@Test
		void givenASerialIn1904_itCountsFrom1904() {
			assertThat(DateText.plain("0", true, true)).isEqualTo(LocalDate.of(1904, 1, 1));
			assertThat(DateText.plain("43964", true, true)).isEqualTo(LocalDate.of(2024, 5, 14));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", ".5", "45426.", "45426.5x", "45426.:", "45426./", "4542/", "4542:", "12345678",
				"-45426", "45,426" })
		void givenSomethingThatIsNotAPlainSerial_itIsLeftToTheFullParse(String raw) {
			assertThat(DateText.plain(raw, true, false)).isNull();
		}

		@Test
		void givenASerialWhereSerialsAreNotAllowed_itIsLeftToTheFullParse() {
			assertThat(DateText.plain("45426", false, false)).isNull();
		}

	}

	@Nested
	class PlainCodes {

		@ParameterizedTest
		@ValueSource(strings = { "CZ-2024-001", "ab_c", "A/B9", "0000", "zZ09", "E123", "12-4" })
		void givenLettersDigitsAndSeparators_theCodeIsKeptAsIs(String raw) {
			assertThat(PlainCells.plainCode(raw)).isTrue();
			assertThat(CellValues.code(raw)).isEqualTo(raw);
		}

		@ParameterizedTest
		@ValueSource(strings = { "ABC", "1.5E", "1E-5", "e-12", "AB C", "AB+C", "AB@C", "AB[C", "AB`C", "AB{C", "A:BC",
				"中文编码" })
		void givenAnythingElse_theCodeTakesTheFullPath(String raw) {
			assertThat(PlainCells.plainCode(raw)).isFalse();
		}

		@Test
		void givenANulCharacter_theCodeIsRefused() {
			assertThatThrownBy(() -> CellValues.code("AB\u0000 CD")).isInstanceOf(ValueFormatException.class)
				.hasMessageContaining("U+0000");
		}

	}

	@Nested
	class OrdinaryTexts {

		@ParameterizedTest
		@ValueSource(strings = { "北京合作", "a b", "~!", "ok", "项目 A" })
		void givenPrintableAsciiAndIdeographsWithSingleInnerSpaces_theTextIsKeptAsIs(String raw) {
			assertThat(PlainCells.ordinaryText(raw)).isTrue();
			assertThat(CellValues.text(raw)).isEqualTo(raw);
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "#N/A", "a  b", "a ", " a", "a\tb", "a\u007Fb", "ａ", "\u4DFF", "\uA000" })
		void givenAnythingElse_theTextTakesTheFullPath(String raw) {
			assertThat(PlainCells.ordinaryText(raw)).isFalse();
		}

		@Test
		void givenANulCharacter_theTextIsRefused() {
			assertThatThrownBy(() -> CellValues.text("备注\u0000 ")).isInstanceOf(ValueFormatException.class)
				.hasMessageContaining("U+0000");
		}

		@Test
		void givenEdgeIdeographs_theyAreOrdinary() {
			assertThat(PlainCells.ordinaryText("\u4E00\u9FFF")).isTrue();
		}

	}

	@Nested
	class Vocabularies {

		@Test
		void givenTheCanonicalValueInAnotherScript_itResolvesToTheCanonicalValue() {
			Vocabulary status = new Vocabulary("status", Map.of("开工", List.of("在建")));
			assertThat(status.resolve("開工")).isEqualTo("开工");
			assertThat(status.resolve(" 开 工 ")).isEqualTo("开工");
		}

		@Test
		void givenAVocabulary_itNamesItselfAndItsValues() {
			Vocabulary status = new Vocabulary("status", Map.of("开工", List.of()));
			assertThat(status).hasToString("Vocabulary[status: [开工]]");
		}

	}

	@Nested
	class HalfWidth {

		@ParameterizedTest
		@CsvSource({ "65281, 33", "65374, 126", "12288, 32", "65280, 65280", "65375, 65375", "65, 65" })
		void givenACodePoint_onlyFullWidthAsciiAndTheIdeographicSpaceChange(int cp, int expected) {
			assertThat(Chars.halfWidthAscii(cp)).isEqualTo(expected);
		}

	}

}
