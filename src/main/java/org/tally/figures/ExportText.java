package org.tally.figures;

/**
 * Text bound for a spreadsheet, made inert: a cell that would start a formula is marked
 * as text (a quote-prefix style in a workbook, a leading quote in CSV).
 */
public final class ExportText {

	private ExportText() {
	}

	/**
	 * Whether a spreadsheet would take the text for a formula: a label or file name from
	 * config or a department's inbox could read "=HYPERLINK(…)".
	 */
	public static boolean startsFormula(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/**
	 * For CSV, which has no cell styles: Excel and LibreOffice evaluate such fields, so
	 * the text is prefixed with ' the way the OWASP CSV-injection advice says.
	 */
	static String neutralised(String text) {
		return startsFormula(text) ? "'" + text : text;
	}

}
