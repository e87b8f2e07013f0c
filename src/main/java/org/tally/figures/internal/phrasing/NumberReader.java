package org.tally.figures.internal.phrasing;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads a number at a position of folded text: Arabic digits with optional thousands
 * separators and decimals, or Chinese numerals (一百四十, 两千三百, 一点五, 壹佰). A trailing 万/亿/万亿
 * of a Chinese numeral is left unread, so that 两万 reads like 2万: the magnitude is the
 * phrase's business.
 */
final class NumberReader {

	private static final String DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖";

	private static final int[] DIGIT_VALUES = { 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9 };

	private NumberReader() {
	}

	static Optional<WrittenNumber> read(String s, int at) {
		if (at >= s.length()) {
			return Optional.empty();
		}
		char c = s.charAt(at);
		if (isAsciiDigit(c)) {
			return Optional.of(readArabic(s, at));
		}
		return readChinese(s, at);
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static WrittenNumber readArabic(String s, int at) {
		StringBuilder digits = new StringBuilder();
		int i = at;
		while (i < s.length() && isAsciiDigit(s.charAt(i))) {
			digits.append(s.charAt(i++));
		}
		// A separator counts only before exactly three digits, so lists (1,2,3 or
		// 2023,2024) are never
		// glued into one number.
		while (i < s.length() && s.charAt(i) == ',' && digitsAt(s, i + 1, 3)
				&& !(i + 4 < s.length() && isAsciiDigit(s.charAt(i + 4)))) {
			digits.append(s, i + 1, i + 4);
			i += 4;
		}
		if (i + 1 < s.length() && s.charAt(i) == '.' && isAsciiDigit(s.charAt(i + 1))) {
			digits.append('.');
			i++;
			while (i < s.length() && isAsciiDigit(s.charAt(i))) {
				digits.append(s.charAt(i++));
			}
		}
		return new WrittenNumber(new BigDecimal(digits.toString()), i, false);
	}

	private static boolean digitsAt(String s, int from, int count) {
		if (from + count > s.length()) {
			return false;
		}
		for (int k = from; k < from + count; k++) {
			if (!isAsciiDigit(s.charAt(k))) {
				return false;
			}
		}
		return true;
	}

	private static int digit(char c) {
		int k = DIGITS.indexOf(c);
		return k < 0 ? -1 : DIGIT_VALUES[k];
	}

	private static long positional(char c) {
		return switch (c) {
			case '十', '拾' -> 10L;
			case '百', '佰' -> 100L;
			case '千', '仟' -> 1000L;
			default -> 0L;
		};
	}

	/**
	 * Chinese numerals must start with a digit or 十: a bare 百, 千 or 万 opens idioms (千家万户,
	 * 百家争鸣), not figures. Two digits in a row (一二线, 三四个) are a list or a guess, not a
	 * number.
	 */
	private static Optional<WrittenNumber> readChinese(String s, int at) {
		char first = s.charAt(at);
		if ((digit(first) < 0 || first == '零' || first == '〇') && positional(first) != 10L) {
			return Optional.empty();
		}
		long yi = 0;
		long wan = 0;
		long section = 0;
		int pending = -1;
		boolean lastWasDigit = false;
		boolean lastWasZero = false;
		int i = at;
		int magnitudeStart = -1;
		int magnitudeExponent = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			int d = digit(c);
			long p = positional(c);
			if (d >= 0) {
				if (lastWasDigit && !lastWasZero) {
					return Optional.empty();
				}
				pending = d;
				lastWasDigit = true;
				lastWasZero = d == 0;
				magnitudeStart = -1;
			}
			else if (p > 0) {
				if (pending < 0 && p != 10L) {
					return Optional.empty();
				}
				section += (pending < 0 ? 1 : pending) * p;
				pending = -1;
				lastWasDigit = false;
				lastWasZero = false;
				magnitudeStart = -1;
			}
			else if (c == '万' || c == '亿') {
				long group = section + Math.max(pending, 0);
				if (c == '万') {
					if (group == 0 || wan != 0) {
						break;
					}
					wan = group;
					magnitudeStart = i;
					magnitudeExponent = 4;
				}
				else {
					long whole = wan * 10_000L + group;
					if (whole == 0 || yi != 0) {
						break;
					}
					yi = whole;
					wan = 0;
					magnitudeStart = magnitudeExponent == 4 && group == 0 ? magnitudeStart : i;
					magnitudeExponent = magnitudeExponent == 4 && group == 0 ? 12 : 8;
				}
				section = 0;
				pending = -1;
				lastWasDigit = false;
				lastWasZero = false;
			}
			else if (c == '点' && yi == 0 && wan == 0 && i + 1 < s.length() && digit(s.charAt(i + 1)) >= 0) {
				return readChineseDecimal(s, at, i, section + Math.max(pending, 0));
			}
			else {
				break;
			}
			i++;
		}
		long whole = yi * 100_000_000L + wan * 10_000L + section + Math.max(pending, 0);
		BigDecimal value = BigDecimal.valueOf(whole);
		int end = i;
		if (magnitudeStart >= 0) {
			// The trailing magnitude belongs to the phrase (两万人次 = 2万人次), so leave it
			// unread.
			value = value.movePointLeft(magnitudeExponent).stripTrailingZeros();
			if (value.scale() < 0) {
				value = value.setScale(0);
			}
			end = magnitudeStart;
		}
		return Optional.of(new WrittenNumber(value, end, true));
	}

	private static Optional<WrittenNumber> readChineseDecimal(String s, int at, int point, long integerPart) {
		StringBuilder text = new StringBuilder().append(integerPart).append('.');
		int i = point + 1;
		while (i < s.length() && digit(s.charAt(i)) >= 0) {
			text.append(digit(s.charAt(i++)));
		}
		return Optional.of(new WrittenNumber(new BigDecimal(text.toString()), i, true));
	}

}
