package org.tally.ingest.workbook;

/**
 * The dialect of a delimited text file, sniffed from its head: the delimiter, and whether
 * an Excel "sep=" line that names it comes before the first record.
 */
record CsvDialect(char delimiter, boolean sepLine, String decidedBy) {

	/**
	 * Excel's "sep=;" first line names the delimiter and is not a data row; otherwise the
	 * delimiter is sniffed, defaulting to tab for a .tsv file.
	 */
	static CsvDialect sniff(String head, boolean tsv) {
		if (head.length() >= 5 && head.regionMatches(true, 0, "sep=", 0, 4)
				&& (head.length() == 5 || head.charAt(5) == '\n' || head.charAt(5) == '\r')) {
			return new CsvDialect(head.charAt(4), true, "an Excel sep= first line names it");
		}
		char delimiter = delimiter(head, tsv);
		return new CsvDialect(delimiter, false,
				"splits the first records most consistently (of comma, tab, semicolon)");
	}

	/**
	 * Picks comma, tab or semicolon: the one splitting the first records most
	 * consistently.
	 */
	private static char delimiter(String head, boolean tsv) {
		char[] candidates = { ',', '\t', ';' };
		int maxRecords = 20;
		int[][] counts = new int[candidates.length][maxRecords];
		int record = 0;
		boolean quoted = false;
		for (int i = 0; i < head.length() && record < maxRecords; i++) {
			char c = head.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				if (c == '\r' && i + 1 < head.length() && head.charAt(i + 1) == '\n') {
					i++;
				}
				record++;
			}
			else if (!quoted) {
				for (int k = 0; k < candidates.length; k++) {
					if (c == candidates[k]) {
						counts[k][record]++;
					}
				}
			}
		}
		int records = Math.max(1, Math.min(record + 1, maxRecords));
		char best = tsv ? '\t' : ',';
		long bestScore = 0;
		for (int k = 0; k < candidates.length; k++) {
			int first = counts[k][0];
			if (first == 0) {
				continue;
			}
			int consistent = 0;
			for (int r = 0; r < records; r++) {
				if (counts[k][r] == first) {
					consistent++;
				}
			}
			long score = (long) consistent * 1000 + first;
			if (score > bestScore) {
				bestScore = score;
				best = candidates[k];
			}
		}
		return best;
	}

}
