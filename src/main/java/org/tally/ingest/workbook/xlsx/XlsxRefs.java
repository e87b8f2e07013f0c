package org.tally.ingest.workbook.xlsx;

import org.tally.ingest.workbook.internal.Refused;

/**
 * Parses the numbers a worksheet stores in attributes: cell references, row numbers,
 * style indexes.
 */
final class XlsxRefs {

	private XlsxRefs() {
	}

	/** 0-based column of a reference like "AB12"; letters only count. */
	static int column(String ref) {
		int col = 0;
		int letters = 0;
		for (int i = 0; i < ref.length(); i++) {
			char c = ref.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				col = col * 26 + (c - 'A' + 1);
			}
			else if (c >= 'a' && c <= 'z') {
				col = col * 26 + (c - 'a' + 1);
			}
			else if (c == '$') {
				continue;
			}
			else {
				break;
			}
			if (++letters > 3) {
				throw new Refused("invalid cell reference '" + XlsxCellDecoder.abbreviate(ref) + "'");
			}
		}
		if (letters == 0) {
			throw new Refused("invalid cell reference '" + XlsxCellDecoder.abbreviate(ref) + "'");
		}
		return col - 1;
	}

	static int parsePositive(String s, String what) {
		try {
			int v = Integer.parseInt(s.trim());
			if (v >= 1) {
				return v;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		throw new Refused("invalid " + what + " '" + XlsxCellDecoder.abbreviate(s) + "'");
	}

	static int parseStyle(String s) {
		int v = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9' || v > 100_000_000) {
				return -1;
			}
			v = v * 10 + (c - '0');
		}
		return v;
	}

}
