package org.tally.normalize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parsers for the text of one spreadsheet cell. All return null for blank or placeholder
 * cells ("", "—", "-", "--", "/", "无", "空", "N/A"); an Excel error value such as "#N/A"
 * is never blank but an error.
 */
public final class CellValues {

	private static final Pattern SCIENTIFIC_CODE = Pattern
		.compile("[+-]?[0-9]+\\.[0-9]+[eE][+-]?[0-9]+|[+-]?[0-9]+[eE][+-][0-9]+");

	private static final Pattern WHOLE_FLOAT_CODE = Pattern.compile("([0-9]+)\\.0+");

	// Excel keeps 15 significant digits: a longer number printed from a double may have
	// lost digits.
	private static final int DIGITS_EXCEL_KEEPS = 15;

	private static final Pattern SPACE_RUN = Pattern.compile("[\\s\\p{Z}]+");

	private CellValues() {
	}

	/**
	 * Plain or Chinese-formatted number: "12,345.67", "１２３４５", " 1 234 ", "(1,200)" ->
	 * -1200, "12.5%" -> 0.125, "一百四十" -> 140, "1.5万" -> 15000, "6.0237E3",
	 * "0.30000000000000004" -> 0.3. Beyond 15 significant digits the text is rounded
	 * (Excel float noise); the result has no trailing zeros.
	 */
	public static BigDecimal number(String raw) {
		if (PlainCells.plainDecimal(raw)) {
			return NumberText.tidy(NumberText.literal(raw));
		}
		if (Chars.isPlaceholder(raw)) {
			return null;
		}
		return NumberText.parse(NumberText.compact(raw), raw).value();
	}

	/**
	 * Integer count, never negative: "1,200", "两千", "12.0" -> 12; rejects "12.5" (not a
	 * whole number).
	 */
	public static Long count(String raw) {
		BigDecimal value = number(raw);
		if (value == null) {
			return null;
		}
		if (value.scale() > 0) {
			throw new ValueFormatException(raw, "不是整数", "not a whole number");
		}
		if (value.signum() < 0) {
			throw new ValueFormatException(raw, "数量不能为负数", "a count cannot be negative");
		}
		try {
			return value.longValueExact();
		}
		catch (ArithmeticException e) {
			throw new ValueFormatException(raw, "数值超出范围", "number out of range");
		}
	}

	/**
	 * Money in yuan. A unit in the cell wins ("3.5亿", "1,200万元", "800元", "3.5億", "三千万"):
	 * a trailing 元, 万 or 亿; otherwise {@code unitOfColumn} applies. A "¥" sign is a
	 * currency mark, not a unit. Exact, scale at least 2.
	 */
	public static BigDecimal yuan(String raw, AmountUnit unitOfColumn) {
		Objects.requireNonNull(unitOfColumn, "unitOfColumn");
		if (PlainCells.plainDecimal(raw)) {
			BigDecimal small = smallYuan(raw, unitOfColumn);
			return small != null ? small : plainYuan(raw, unitOfColumn);
		}
		if (Chars.isPlaceholder(raw)) {
			return null;
		}
		// "(¥1,200万元)": peel the currency sign and 元 inside any accounting parentheses
		// and sign
		String s = NumberText.compact(raw);
		boolean parentheses = s.length() >= 2 && s.startsWith("(") && s.endsWith(")");
		String inner = parentheses ? s.substring(1, s.length() - 1) : s;
		String sign = inner.startsWith("-") || inner.startsWith("+") || inner.startsWith("负") ? inner.substring(0, 1)
				: "";
		String amount = inner.substring(sign.length());
		amount = amount.startsWith("¥") ? amount.substring(1) : amount;
		boolean ownUnit = amount.endsWith("元");
		if (ownUnit) {
			amount = amount.substring(0, amount.length() - 1);
		}
		String number = parentheses ? "(" + sign + amount + ")" : sign + amount;
		NumberText.Parsed parsed = NumberText.parse(number, raw);
		if (parsed.percent()) {
			throw new ValueFormatException(raw, "金额不能是百分比", "an amount cannot be a percentage");
		}
		BigDecimal yuan = ownUnit || parsed.endsWithMagnitude() ? parsed.value() : unitOfColumn.toYuan(parsed.value());
		BigDecimal tidy = NumberText.tidy(yuan);
		return tidy.scale() < 2 ? tidy.setScale(2) : tidy;
	}

	/**
	 * A plain decimal read through BigDecimal: rounded to Excel's 15 digits, tidied, at
	 * least 2 decimals.
	 */
	static BigDecimal plainYuan(String raw, AmountUnit unitOfColumn) {
		BigDecimal tidy = NumberText.tidy(unitOfColumn.toYuan(NumberText.literal(raw)));
		return tidy.scale() < 2 ? tidy.setScale(2) : tidy;
	}

	/**
	 * The same as {@link #plainYuan} by long arithmetic, for the plain decimals of at
	 * most 15 significant digits that nearly every amount cell holds (sparing each cell
	 * four BigDecimal operations); null when the digits or the result do not fit.
	 */
	static BigDecimal smallYuan(String raw, AmountUnit unit) {
		boolean negative = raw.charAt(0) == '-';
		long unscaled = 0;
		int scale = 0;
		int significant = 0;
		boolean point = false;
		for (int i = negative ? 1 : 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '.') {
				point = true;
				continue;
			}
			int digit = c - '0';
			if (significant > 0 || digit != 0) {
				significant++;
			}
			if (significant > 15) {
				return null; // Excel keeps 15 digits: plainYuan rounds the rest
			}
			unscaled = unscaled * 10 + digit;
			if (point) {
				scale++;
			}
		}
		scale -= unit.powerOfTen();
		while (scale > 2 && unscaled % 10 == 0) {
			unscaled /= 10;
			scale--;
		}
		while (scale < 2) {
			if (unscaled > Long.MAX_VALUE / 10) {
				return null;
			}
			unscaled *= 10;
			scale++;
		}
		return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
	}

	/**
	 * Dates: "2024-04-24", "2024/4/24", "2024.4.24", "2024年4月24日", "2024年4月" (first of
	 * month), "二〇二四年四月二十四日", "20240424", "2024-04-24 00:00:00", "2024-04-24T00:00" (time
	 * dropped), and Excel serial numbers when {@code excelSerial} (1900 system with its
	 * fictitious 1900-02-29, or 1904).
	 */
	public static LocalDate date(String raw, boolean excelSerial, boolean date1904) {
		// Digits-only shapes are never placeholders: read them before any normalising.
		LocalDate plain = raw == null ? null : DateText.plain(raw, excelSerial, date1904);
		if (plain != null) {
			return plain;
		}
		if (Chars.isPlaceholder(raw)) {
			return null;
		}
		return DateText.parse(raw, excelSerial, date1904);
	}

	/**
	 * Identifier text: full-width to half-width, all whitespace and a leading Excel text
	 * apostrophe removed. "2023001.0" -> "2023001"; scientific notation
	 * ("1.40402200000001E14") and whole floats of 15 or more digits ("140402200000001.0")
	 * are rejected because digits may have been lost.
	 */
	public static String code(String raw) {
		if (PlainCells.plainCode(raw)) {
			return raw;
		}
		Chars.refuseNul(raw);
		if (Chars.isPlaceholder(raw)) {
			return null;
		}
		String s = Chars.compact(raw);
		if (Chars.isExcelError(s)) {
			throw Chars.excelError(raw);
		}
		if (s.startsWith("'")) {
			s = s.substring(1);
			if (Chars.isPlaceholder(s)) {
				return null;
			}
		}
		if (SCIENTIFIC_CODE.matcher(s).matches()) {
			throw new ValueFormatException(raw, "编码被显示为科学计数法，位数已丢失", "code in scientific notation: digits are lost");
		}
		var wholeFloat = WHOLE_FLOAT_CODE.matcher(s);
		if (wholeFloat.matches()) {
			String digits = wholeFloat.group(1);
			if (digits.replaceFirst("^0+", "").length() >= DIGITS_EXCEL_KEEPS) {
				throw new ValueFormatException(raw, "编码以浮点数保存，可能丢失位数",
						"code stored as a floating-point number: digits may be lost");
			}
			return digits;
		}
		return s;
	}

	/**
	 * Free text: trimmed, line breaks and runs of spaces folded to one space, full-width
	 * ASCII to half-width.
	 */
	public static String text(String raw) {
		if (PlainCells.ordinaryText(raw) && !Chars.listedPlaceholder(raw)) {
			return raw;
		}
		Chars.refuseNul(raw);
		if (Chars.isPlaceholder(raw)) {
			return null;
		}
		StringBuilder half = new StringBuilder(raw.length());
		raw.codePoints().filter(cp -> !Chars.isInvisible(cp)).map(Chars::halfWidthAscii).forEach(half::appendCodePoint);
		String s = SPACE_RUN.matcher(half).replaceAll(" ").strip();
		if (Chars.isExcelError(s)) {
			throw Chars.excelError(raw);
		}
		return s;
	}

	/**
	 * Blank, or one of the marks departments use for "nothing to report": —, -, --, /, 无,
	 * 空, N/A.
	 */
	public static boolean isPlaceholder(String raw) {
		return Chars.isPlaceholder(raw);
	}

}
