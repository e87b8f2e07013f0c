package org.tally.normalize;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Reads one number from cell text: signs, parentheses, percent, separators, Chinese
 * numerals.
 */
final class NumberText {

	/**
	 * What a cell said besides its value: a trailing 万/亿 is a unit the cell carries
	 * itself.
	 */
	record Parsed(BigDecimal value, boolean percent, boolean endsWithMagnitude) {
	}

	// Excel shows at most 15 significant digits; anything beyond is binary floating-point
	// noise.
	private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

	private static final int MAX_EXPONENT = 60;

	private static final Pattern DIGITS_WITH_SPACE = Pattern.compile("(?<=[0-9])[\\s\\p{Z}]+(?=[0-9])");

	private static final Pattern PLAIN = Pattern.compile("[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+");

	private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]*)?");

	private static final Pattern SCIENTIFIC = Pattern
		.compile("(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)[eE][+-]?([0-9]{1,4})");

	private static final Pattern ARABIC_ONLY = Pattern.compile("[0-9.,eE+-]+");

	private NumberText() {
	}

	/**
	 * NFKC, traditional numerals simplified, spaces removed; a space between digits
	 * becomes a thousands separator so that "1 234" is read but "12 5" is rejected like
	 * "12,5".
	 */
	static String compact(String raw) {
		String s = Chars.simplifyNumerals(Chars.nfkc(raw)).strip();
		s = DIGITS_WITH_SPACE.matcher(s).replaceAll(",");
		return Chars.withoutSpaces(s);
	}

	/**
	 * @param s compacted cell text, not a placeholder
	 */
	static Parsed parse(String s, String raw) {
		if (Chars.isExcelError(s)) {
			throw Chars.excelError(raw);
		}
		boolean negative = false;
		if (s.length() >= 2 && s.startsWith("(") && s.endsWith(")")) {
			negative = true;
			s = s.substring(1, s.length() - 1);
		}
		if (s.startsWith("-") || s.startsWith("负") || s.startsWith("+")) {
			if (negative) {
				throw notANumber(raw);
			}
			negative = !s.startsWith("+");
			s = s.substring(1);
		}
		int percentShift = 0;
		if (s.endsWith("%")) {
			percentShift = 2;
		}
		else if (s.endsWith("‰")) {
			percentShift = 3;
		}
		if (percentShift > 0) {
			s = s.substring(0, s.length() - 1);
		}
		if (s.isEmpty()) {
			throw notANumber(raw);
		}
		BigDecimal value;
		boolean magnitude = false;
		if (ChineseNumerals.looksChinese(s)) {
			value = ChineseNumerals.parse(s, raw);
			magnitude = s.endsWith("万") || s.endsWith("亿");
		}
		else {
			value = arabic(s, raw);
		}
		value = value.movePointLeft(percentShift);
		return new Parsed(tidy(negative ? value.negate() : value), percentShift > 0, magnitude);
	}

	private static BigDecimal arabic(String s, String raw) {
		if (PLAIN.matcher(s).matches()) {
			return literal(s);
		}
		if (GROUPED.matcher(s).matches()) {
			return literal(s.replace(",", ""));
		}
		var scientific = SCIENTIFIC.matcher(s);
		if (scientific.matches()) {
			if (Integer.parseInt(scientific.group(1)) > MAX_EXPONENT) {
				throw new ValueFormatException(raw, "数值超出范围", "number out of range");
			}
			return literal(s);
		}
		if (s.indexOf(',') >= 0 && ARABIC_ONLY.matcher(s).matches()) {
			throw new ValueFormatException(raw, "千分位分隔符位置不正确", "misplaced thousands separator");
		}
		throw notANumber(raw);
	}

	/** A digit string as written, with Excel's floating-point noise removed. */
	static BigDecimal literal(String digits) {
		String text = digits.endsWith(".") ? digits.substring(0, digits.length() - 1) : digits;
		return new BigDecimal(text).round(EXCEL_PRECISION);
	}

	/**
	 * One representation per value: no trailing zeros, never a negative scale (1200, not
	 * 1.2E+3).
	 */
	static BigDecimal tidy(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	static ValueFormatException notANumber(String raw) {
		return new ValueFormatException(raw, "不是有效的数字", "not a number");
	}

}
