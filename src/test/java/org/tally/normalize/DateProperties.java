package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.tally.support.Theories.qt;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class DateProperties {

	enum Format {

		ISO, UNPADDED_DASH, SLASH, DOT, CHINESE, CHINESE_PADDED, CHINESE_NUMERALS, COMPACT, DATE_TIME, ISO_T

	}

	static Gen<LocalDate> dates() {
		return longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2199, 12, 31).toEpochDay())
			.map(LocalDate::ofEpochDay);
	}

	@Test
	void givenAnyDateInAnySupportedFormat_itReadsBack() {
		qt(1500).forAll(dates(), arbitrary().enumValues(Format.class), booleans().all(), booleans().all())
			.checkAssert((date, format, fullWidth, excelSerial) -> {
				int y = date.getYear();
				int m = date.getMonthValue();
				int d = date.getDayOfMonth();
				String text = switch (format) {
					case ISO -> date.toString();
					case UNPADDED_DASH -> y + "-" + m + "-" + d;
					case SLASH -> y + "/" + m + "/" + d;
					case DOT -> y + "." + m + "." + d;
					case CHINESE -> y + "年" + m + "月" + d + "日";
					case CHINESE_PADDED -> String.format("%d年%02d月%02d日", y, m, d);
					case CHINESE_NUMERALS -> ChineseNumeralRenderer.digitByDigit(y) + "年"
							+ ChineseNumeralRenderer.render(m, ChineseNumeralRenderer.Style.PLAIN, false) + "月"
							+ ChineseNumeralRenderer.render(d, ChineseNumeralRenderer.Style.PLAIN, false) + "日";
					case COMPACT -> String.format("%d%02d%02d", y, m, d);
					case DATE_TIME -> date + " 00:00:00";
					case ISO_T -> date + "T00:00";
				};
				if (fullWidth) {
					text = NumberFormats.fullWidth(text);
				}
				assertThat(CellValues.date(text, excelSerial, false)).as(text).isEqualTo(date);
			});
	}

	@Test
	void givenAYearAndMonth_theDateIsTheFirstOfTheMonth() {
		qt(300).forAll(dates()).checkAssert(date -> {
			String text = date.getYear() + "年" + date.getMonthValue() + "月";
			assertThat(CellValues.date(text, false, false)).isEqualTo(date.withDayOfMonth(1));
		});
	}

	/**
	 * Serial as Excel's 1900 system counts it: day 1 is 1900-01-01, and it counts a
	 * 1900-02-29.
	 */
	private static long serial1900(LocalDate date) {
		long days = ChronoUnit.DAYS.between(LocalDate.of(1900, 1, 1), date) + 1;
		return date.isBefore(LocalDate.of(1900, 3, 1)) ? days : days + 1;
	}

	private static long serial1904(LocalDate date) {
		return ChronoUnit.DAYS.between(LocalDate.of(1904, 1, 1), date);
	}

	/**
	 * Any date Excel can hold, with the days around its fictitious leap day and 1904's
	 * start often.
	 */
	static Gen<LocalDate> excelDates() {
		Gen<LocalDate> any = longs()
			.between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
			.map(LocalDate::ofEpochDay);
		Gen<LocalDate> edges = arbitrary().pick(LocalDate.of(1900, 2, 28), LocalDate.of(1900, 3, 1),
				LocalDate.of(1904, 1, 1));
		return Generate.frequency(Pair.of(19, any), Pair.of(1, edges));
	}

	@Test
	void givenAnyDate_itsExcelSerialInThe1900SystemReadsBack() {
		qt(1000).forAll(excelDates(), integers().between(0, 3)).checkAssert((date, timeOfDay) -> {
			String fraction = new String[] { "", ".0", ".5", ".999988426" }[timeOfDay];
			assertThat(CellValues.date(serial1900(date) + fraction, true, false)).isEqualTo(date);
		});
	}

	@Test
	void givenAnyDate_itsExcelSerialInThe1904SystemReadsBack() {
		qt(1000).forAll(excelDates(), integers().between(0, 3)).checkAssert((date, timeOfDay) -> {
			LocalDate from1904 = date.isBefore(LocalDate.of(1904, 1, 1)) ? date.plusYears(4) : date;
			String fraction = new String[] { "", ".0", ".25", ".75" }[timeOfDay];
			assertThat(CellValues.date(serial1904(from1904) + fraction, true, true)).isEqualTo(from1904);
		});
	}

	@Test
	void givenAnySerialButTheFictitiousLeapDay_theDateMapsBackToIt() {
		qt(1000).forAll(integers().between(1, 2_958_465)).checkAssert(serial -> {
			if (serial == 60) {
				return;
			}
			assertThat(serial1900(CellValues.date(Integer.toString(serial), true, false)))
				.isEqualTo(serial.longValue());
		});
	}

}
