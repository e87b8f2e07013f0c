package org.tally.ingest.workbook.xlsx;

import org.apache.poi.ss.util.CellReference;
import org.tally.ingest.workbook.CellKind;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.internal.Refused;

/**
 * Turns a worksheet cell's stored parts into a raw cell of its kind, resolving shared
 * strings and date styles; refuses values its type does not allow.
 */
final class XlsxCellDecoder {

	private final XlsxSharedStrings strings;

	private final XlsxStyles styles;

	XlsxCellDecoder(XlsxSharedStrings strings, XlsxStyles styles) {
		this.strings = strings;
		this.styles = styles;
	}

	/**
	 * The cell from its stored parts: the type attribute, the style index, the value, the
	 * formula and the inline string; null for a cell that holds nothing.
	 */
	RawCell decode(int column, int rowNumber, String type, int style, String v, String formula, String inlineText) {
		boolean date = styles.isDate(style);
		String format = styles.format(style);
		if (type == null || type.equals("n")) {
			if (v == null || v.isEmpty()) {
				return formulaWithoutValue(column, formula, date, format);
			}
			if (!isNumber(v)) {
				throw new Refused("invalid number '" + abbreviate(v) + "' in cell " + where(column, rowNumber));
			}
			return new RawCell(column, CellKind.NUMBER, v, date, format);
		}
		switch (type) {
			case "s" -> {
				if (v == null || v.isEmpty()) {
					return null;
				}
				int index;
				try {
					index = Integer.parseInt(v.trim());
				}
				catch (NumberFormatException e) {
					throw new Refused(
							"invalid shared string index '" + abbreviate(v) + "' in cell " + where(column, rowNumber));
				}
				String s = strings.get(index);
				if (s == null) {
					throw new Refused("shared string #" + index + " missing (table has " + strings.size() + ") in cell "
							+ where(column, rowNumber));
				}
				return s.isEmpty() ? null : new RawCell(column, CellKind.TEXT, s, date, format);
			}
			case "inlineStr" -> {
				String s = inlineText != null ? Xml.unescape(inlineText) : v;
				return s == null || s.isEmpty() ? formulaWithoutValue(column, formula, date, format)
						: new RawCell(column, CellKind.TEXT, s, date, format);
			}
			case "str" -> {
				if (v == null) {
					return formulaWithoutValue(column, formula, date, format);
				}
				return v.isEmpty() ? null : new RawCell(column, CellKind.TEXT, Xml.unescape(v), date, format);
			}
			case "b" -> {
				if (v == null || v.isEmpty()) {
					return formulaWithoutValue(column, formula, date, format);
				}
				String t = v.trim();
				boolean b = t.equals("1") || t.equalsIgnoreCase("true");
				if (!b && !t.equals("0") && !t.equalsIgnoreCase("false")) {
					throw new Refused("invalid boolean '" + abbreviate(v) + "' in cell " + where(column, rowNumber));
				}
				return new RawCell(column, CellKind.BOOLEAN, b ? "TRUE" : "FALSE", date, format);
			}
			case "e" -> {
				if (v == null || v.isEmpty()) {
					return formulaWithoutValue(column, formula, date, format);
				}
				return new RawCell(column, CellKind.ERROR, v, date, format);
			}
			case "d" -> {
				// ISO 8601 date cells (Strict OOXML, some generators): kept as stored
				// text.
				return v == null || v.isEmpty() ? formulaWithoutValue(column, formula, date, format)
						: new RawCell(column, CellKind.TEXT, v, true, format);
			}
			default ->
				throw new Refused("unknown cell type '" + abbreviate(type) + "' in cell " + where(column, rowNumber));
		}
	}

	private static RawCell formulaWithoutValue(int column, String formula, boolean date, String format) {
		return formula == null ? null : new RawCell(column, CellKind.FORMULA_WITHOUT_VALUE, formula, date, format);
	}

	/**
	 * XML Schema double lexical form, as Excel writes numbers: digits, sign, point,
	 * exponent.
	 */
	private static boolean isNumber(String v) {
		int n = v.length();
		int i = 0;
		if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
			i++;
		}
		int digits = 0;
		while (i < n && Character.isDigit(v.charAt(i)) && v.charAt(i) < 128) {
			i++;
			digits++;
		}
		if (i < n && v.charAt(i) == '.') {
			i++;
			while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			return false;
		}
		if (i < n && (v.charAt(i) == 'E' || v.charAt(i) == 'e')) {
			i++;
			if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
				i++;
			}
			int exp = 0;
			while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
				i++;
				exp++;
			}
			if (exp == 0) {
				return false;
			}
		}
		return i == n;
	}

	static String where(int column, int rowNumber) {
		return CellReference.convertNumToColString(column) + rowNumber;
	}

	static String abbreviate(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}

}
