package org.tally.ingest.workbook.differential;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A cell's typed value on the representation both readers are compared on: a kind, the
 * number (NUMBER, DATE: the serial) as a BigDecimal, and a text (TEXT, BOOLEAN, ERROR,
 * the formula of FORMULA_WITHOUT_VALUE, the calendar day of DATE).
 */
record Typed(Kind kind, BigDecimal number, String text) {

	enum Kind {

		NUMBER, DATE, TEXT, BOOLEAN, ERROR, FORMULA_WITHOUT_VALUE, BLANK

	}

	static final Typed BLANK = new Typed(Kind.BLANK, null, null);

	Typed {
		Objects.requireNonNull(kind, "kind");
	}

	static Typed number(BigDecimal n) {
		return new Typed(Kind.NUMBER, n, null);
	}

	static Typed date(BigDecimal serial, String day) {
		return new Typed(Kind.DATE, serial, day);
	}

	static Typed text(String s) {
		return new Typed(Kind.TEXT, null, s);
	}

	static Typed bool(boolean b) {
		return new Typed(Kind.BOOLEAN, null, b ? "TRUE" : "FALSE");
	}

	static Typed error(String e) {
		return new Typed(Kind.ERROR, null, e);
	}

	static Typed formulaWithoutValue(String formula) {
		return new Typed(Kind.FORMULA_WITHOUT_VALUE, null, formula);
	}

	/** Same kind, numerically equal numbers (1.0E-3 equals 0.001), equal texts. */
	boolean sameAs(Typed o) {
		if (kind != o.kind || !Objects.equals(text, o.text)) {
			return false;
		}
		return number == null ? o.number == null : o.number != null && number.compareTo(o.number) == 0;
	}

	@Override
	public String toString() {
		return switch (kind) {
			case BLANK -> "BLANK";
			case NUMBER -> "NUMBER " + number.toPlainString();
			case DATE -> "DATE " + text + " (serial " + number.toPlainString() + ")";
			default -> kind + " " + quote(text);
		};
	}

	private static String quote(String s) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			if (c < 0x20 || c == '"' || (c >= 0x7f && c < 0xa0)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

}
