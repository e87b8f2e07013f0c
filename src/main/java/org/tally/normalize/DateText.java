package org.tally.normalize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one calendar date from cell text, or from an Excel serial number. */
final class DateText {

	private static final Pattern SEPARATED = Pattern.compile(
			"([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\\.[0-9]{1,9})?)?)?");

	private static final Pattern CHINESE = Pattern.compile("([^年月日]{4})年([^年月日]{1,3})月(?:([^年月日]{1,3})[日号])?");

	private static final Pattern COMPACT = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");

	private static final Pattern SERIAL = Pattern.compile("[0-9]{1,7}(?:\\.[0-9]+)?");

	// Excel's 1900 system counts 1900-02-29, which never existed (a Lotus 1-2-3
	// compatibility bug).
	private static final int FICTITIOUS_LEAP_DAY = 60;

	private static final LocalDate DAY_ZERO_BEFORE_BUG = LocalDate.of(1899, 12, 31);

	private static final LocalDate DAY_ZERO_AFTER_BUG = LocalDate.of(1899, 12, 30);

	private static final LocalDate DAY_ZERO_1904 = LocalDate.of(1904, 1, 1);

	private static final long MAX_SERIAL_1900 = 2_958_465; // 9999-12-31

	private static final long MAX_SERIAL_1904 = 2_957_003;

	private DateText() {
	}

	/**
	 * Any supported shape; {@link CellValues#date} has tried {@link #plain} (and
	 * placeholders) first.
	 */
	static LocalDate parse(String raw, boolean excelSerial, boolean date1904) {
		String spaced = Chars.nfkc(raw).strip().replaceAll("[\\s\\p{Z}]+", " ");
		String s = Chars.withoutSpaces(spaced);
		if (Chars.isExcelError(s)) {
			throw Chars.excelError(raw);
		}
		Matcher m = SEPARATED.matcher(spaced);
		if (m.matches()) {
			if (m.group(5) != null) {
				checkTime(raw, m.group(5), m.group(6), m.group(7));
			}
			return of(raw, m.group(1), m.group(3), m.group(4));
		}
		m = COMPACT.matcher(s);
		if (m.matches()) {
			return of(raw, m.group(1), m.group(2), m.group(3));
		}
		m = CHINESE.matcher(Chars.simplifyNumerals(s));
		if (m.matches()) {
			int year = yearPart(m.group(1), raw);
			int month = smallPart(m.group(2), raw);
			int day = m.group(3) == null ? 1 : smallPart(m.group(3), raw);
			return of(raw, year, month, day);
		}
		if (excelSerial && SERIAL.matcher(s).matches()) {
			long serial = new BigDecimal(s).setScale(0, RoundingMode.FLOOR).longValueExact();
			return fromSerial(serial, date1904, raw);
		}
		throw notADate(raw);
	}

	/**
	 * The two shapes nearly every cell has, 2024-05-14 as text and a whole Excel serial
	 * such as 45426, read without normalising or matching patterns (a million-row sheet
	 * is mostly dates like these); null for anything else, which the full parse then
	 * reads with the same result.
	 */
	static LocalDate plain(String raw, boolean excelSerial, boolean date1904) {
		int n = raw.length();
		if (n == 10 && raw.charAt(4) == '-' && raw.charAt(7) == '-') {
			int year = digits(raw, 0, 4);
			int month = digits(raw, 5, 7);
			int day = digits(raw, 8, 10);
			return year < 0 || month < 0 || day < 0 ? null : of(raw, year, month, day);
		}
		if (excelSerial) {
			// 45426 or 45426.0 (how most writers store a whole serial) or 45406.75 (a
			// time of day, dropped)
			int point = raw.indexOf('.');
			int whole = point < 0 ? n : point;
			if (whole < 1 || whole > 7 || point == n - 1 || (point >= 0 && !allDigits(raw, point + 1, n))) {
				return null;
			}
			int serial = digits(raw, 0, whole);
			return serial < 0 ? null : fromSerial(serial, date1904, raw);
		}
		return null;
	}

	private static boolean allDigits(String raw, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = raw.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** The ASCII digits raw[from, to) as a number, or -1 when any is not one. */
	private static int digits(String raw, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = raw.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	static LocalDate fromSerial(long serial, boolean date1904, String raw) {
		if (date1904) {
			if (serial < 0 || serial > MAX_SERIAL_1904) {
				throw serialOutOfRange(raw);
			}
			return DAY_ZERO_1904.plusDays(serial);
		}
		if (serial < 1 || serial > MAX_SERIAL_1900) {
			throw serialOutOfRange(raw);
		}
		if (serial == FICTITIOUS_LEAP_DAY) {
			throw new ValueFormatException(raw, "Excel序号60对应不存在的1900年2月29日",
					"Excel serial 60 is 1900-02-29, a day that never existed");
		}
		return serial < FICTITIOUS_LEAP_DAY ? DAY_ZERO_BEFORE_BUG.plusDays(serial)
				: DAY_ZERO_AFTER_BUG.plusDays(serial);
	}

	/** "二〇二四" or "2024". */
	private static int yearPart(String part, String raw) {
		if (part.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Integer.parseInt(part);
		}
		return chinese(part, raw);
	}

	/** "4", "04", "四", "十二", "二十四". */
	private static int smallPart(String part, String raw) {
		if (part.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Integer.parseInt(part);
		}
		return chinese(part, raw);
	}

	private static int chinese(String part, String raw) {
		if (!ChineseNumerals.looksChinese(part) || part.indexOf('点') >= 0) {
			throw notADate(raw);
		}
		try {
			return ChineseNumerals.parse(part, raw).intValueExact();
		}
		catch (ValueFormatException | ArithmeticException e) {
			throw notADate(raw);
		}
	}

	private static void checkTime(String raw, String hour, String minute, String second) {
		try {
			LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute),
					second == null ? 0 : Integer.parseInt(second));
		}
		catch (DateTimeException e) {
			throw notADate(raw);
		}
	}

	private static LocalDate of(String raw, String year, String month, String day) {
		return of(raw, Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
	}

	private static LocalDate of(String raw, int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException e) {
			throw new ValueFormatException(raw, "日期不存在", "no such date");
		}
	}

	private static ValueFormatException notADate(String raw) {
		return new ValueFormatException(raw, "不是有效的日期", "not a date");
	}

	private static ValueFormatException serialOutOfRange(String raw) {
		return new ValueFormatException(raw, "Excel日期序号超出范围", "Excel date serial out of range");
	}

}
