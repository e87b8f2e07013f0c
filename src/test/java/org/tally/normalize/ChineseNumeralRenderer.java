package org.tally.normalize;

/**
 * Writes integers 0..99,999,999 as Chinese numerals, independently of the parser, for
 * properties.
 */
final class ChineseNumeralRenderer {

	enum Style {

		PLAIN, LIANG, FINANCIAL, TRADITIONAL, LING_AS_CIRCLE

	}

	private static final String PLAIN_DIGITS = "零一二三四五六七八九";

	private static final String FINANCIAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";

	private static final String[] PLAIN_UNITS = { "", "十", "百", "千" };

	private static final String[] FINANCIAL_UNITS = { "", "拾", "佰", "仟" };

	private ChineseNumeralRenderer() {
	}

	static String render(int n, Style style, boolean leadingYiShi) {
		if (n < 0 || n > 99_999_999) {
			throw new IllegalArgumentException("out of range: " + n);
		}
		String text;
		if (n == 0) {
			text = "零";
		}
		else {
			int high = n / 10_000;
			int low = n % 10_000;
			StringBuilder out = new StringBuilder();
			if (high > 0) {
				out.append(section(high, style)).append('万');
			}
			if (low > 0) {
				if (high > 0 && low < 1000) {
					out.append('零');
				}
				out.append(section(low, style));
			}
			text = out.toString();
			// "十五" is the usual form of 15; "一十五" is also correct and must read the same
			if (!leadingYiShi && text.startsWith(style == Style.FINANCIAL ? "壹拾" : "一十")) {
				text = text.substring(1);
			}
		}
		return switch (style) {
			case TRADITIONAL -> text.replace('万', '萬').replace("二千", "兩千").replace("二百", "兩百");
			case LING_AS_CIRCLE -> text.replace('零', '〇');
			default -> text;
		};
	}

	/** 1..9999, always with its 一十 (the caller drops it at the very start). */
	private static String section(int n, Style style) {
		String digits = style == Style.FINANCIAL ? FINANCIAL_DIGITS : PLAIN_DIGITS;
		String[] units = style == Style.FINANCIAL ? FINANCIAL_UNITS : PLAIN_UNITS;
		StringBuilder out = new StringBuilder();
		boolean pendingZero = false;
		boolean started = false;
		for (int power = 3; power >= 0; power--) {
			int digit = n / pow10(power) % 10;
			if (digit == 0) {
				pendingZero = started;
				continue;
			}
			if (pendingZero) {
				out.append('零');
				pendingZero = false;
			}
			started = true;
			boolean liang = style == Style.LIANG && digit == 2 && power >= 2;
			out.append(liang ? '两' : digits.charAt(digit)).append(units[power]);
		}
		return out.toString();
	}

	private static int pow10(int power) {
		int value = 1;
		for (int i = 0; i < power; i++) {
			value *= 10;
		}
		return value;
	}

	/** Digit by digit, as years are written: 2024 -> 二〇二四. */
	static String digitByDigit(int n) {
		StringBuilder out = new StringBuilder();
		for (char c : Integer.toString(n).toCharArray()) {
			out.append("〇一二三四五六七八九".charAt(c - '0'));
		}
		return out.toString();
	}

}
