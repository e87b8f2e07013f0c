package org.tally.normalize;

import java.math.BigDecimal;

/**
 * Writes numbers the ways departments type them, without going through double, for
 * properties.
 */
final class NumberFormats {

	enum Grouping {

		NONE, COMMA, SPACE, FULL_WIDTH_COMMA

	}

	private NumberFormats() {
	}

	/** Non-negative value, plain digits with its integer part grouped by thousands. */
	static String grouped(BigDecimal nonNegative, Grouping grouping) {
		String plain = nonNegative.toPlainString();
		int point = plain.indexOf('.');
		String integer = point < 0 ? plain : plain.substring(0, point);
		String fraction = point < 0 ? "" : plain.substring(point);
		String separator = switch (grouping) {
			case NONE -> "";
			case COMMA -> ",";
			case SPACE -> " ";
			case FULL_WIDTH_COMMA -> "，";
		};
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < integer.length(); i++) {
			if (i > 0 && (integer.length() - i) % 3 == 0) {
				out.append(separator);
			}
			out.append(integer.charAt(i));
		}
		return out + fraction;
	}

	static String fullWidth(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(cp -> out.appendCodePoint(cp >= '!' && cp <= '~' ? cp + 0xFEE0 : cp));
		return out.toString();
	}

	/** d.ddddE±n with every significant digit. */
	static String scientific(BigDecimal nonNegative) {
		if (nonNegative.signum() == 0) {
			return "0E0";
		}
		BigDecimal stripped = nonNegative.stripTrailingZeros();
		String digits = stripped.unscaledValue().toString();
		int exponent = digits.length() - 1 - stripped.scale();
		String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
		return mantissa + "E" + exponent;
	}

}
