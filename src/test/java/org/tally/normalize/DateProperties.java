package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DateProperties {

	enum Format {

		ISO, UNPADDED_DASH, SLASH, DOT, CHINESE, CHINESE_PADDED, CHINESE_NUMERALS, COMPACT, DATE_TIME, ISO_T

	}

	@Provide
	Arbitrary<LocalDate> dates() {
		return Arbitraries.longs()
			.between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2199, 12, 31).toEpochDay())
			.map(LocalDate::ofEpochDay);
	}

	@Property(tries = 1500)
	void givenAnyDateInAnySupportedFormat_itReadsBack(@ForAll("dates") LocalDate date, @ForAll Format format,
			@ForAll boolean fullWidth, @ForAll boolean excelSerial) {
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
	}

	@Property(tries = 300)
	void givenAYearAndMonth_theDateIsTheFirstOfTheMonth(@ForAll("dates") LocalDate date) {
		String text = date.getYear() + "年" + date.getMonthValue() + "月";
		assertThat(CellValues.date(text, false, false)).isEqualTo(date.withDayOfMonth(1));
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

	@Provide
	Arbitrary<LocalDate> excelDates() {
		return Arbitraries.longs()
			.between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
			.map(LocalDate::ofEpochDay)
			.edgeCases(c -> c.add(LocalDate.of(1900, 2, 28), LocalDate.of(1900, 3, 1), LocalDate.of(1904, 1, 1)));
	}

	@Property(tries = 1000)
	void givenAnyDate_itsExcelSerialInThe1900SystemReadsBack(@ForAll("excelDates") LocalDate date,
			@ForAll @IntRange(min = 0, max = 3) int timeOfDay) {
		String fraction = new String[] { "", ".0", ".5", ".999988426" }[timeOfDay];
		assertThat(CellValues.date(serial1900(date) + fraction, true, false)).isEqualTo(date);
	}

	@Property(tries = 1000)
	void givenAnyDate_itsExcelSerialInThe1904SystemReadsBack(@ForAll("excelDates") LocalDate date,
			@ForAll @IntRange(min = 0, max = 3) int timeOfDay) {
		LocalDate from1904 = date.isBefore(LocalDate.of(1904, 1, 1)) ? date.plusYears(4) : date;
		String fraction = new String[] { "", ".0", ".25", ".75" }[timeOfDay];
		assertThat(CellValues.date(serial1904(from1904) + fraction, true, true)).isEqualTo(from1904);
	}

	@Property(tries = 1000)
	void givenAnySerialButTheFictitiousLeapDay_theDateMapsBackToIt(
			@ForAll @IntRange(min = 1, max = 2_958_465) int serial) {
		if (serial == 60) {
			return;
		}
		assertThat(serial1900(CellValues.date(Integer.toString(serial), true, false))).isEqualTo(serial);
	}

}
