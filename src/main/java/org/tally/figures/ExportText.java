package org.tally.figures;

/**
 * Text bound for a spreadsheet, made inert: a cell that would start a formula gets a
 * leading quote.
 */
final class ExportText {

	private ExportText() {
	}

	/**
	 * A label or file name from config or a department's inbox could read
	 * "=HYPERLINK(…)": Excel and LibreOffice evaluate such CSV fields and may do so with
	 * text cells re-saved as CSV, so it is prefixed with ' the way the OWASP
	 * CSV-injection advice says.
	 */
	static String neutralised(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + text : text;
	}

}
