package org.tally.bench.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How the benchmark's rows become XLSX ledgers: one ledger while they fit one sheet (with
 * its title, unit line, header and totals rows); above, as many ledgers of at most a
 * round size (a million under Excel's 1,048,576 rows) as it takes, each from its own
 * source, as departments would send them. The CSV stays one file of all the rows.
 */
public record LedgerSplit(int rows, int sheetRows, List<Integer> ledgers) {

	/** Excel's rows per sheet. */
	public static final int SHEET_ROWS = 1_048_576;

	/** The rows of a ledger that are not data: title, unit line, header, totals. */
	static final int FRAME_ROWS = 4;

	public LedgerSplit {
		ledgers = List.copyOf(ledgers);
	}

	/** The split of {@code rows} under Excel's sheet limit. */
	public static LedgerSplit of(int rows) {
		return of(rows, SHEET_ROWS);
	}

	/**
	 * The split of {@code rows} when a sheet holds {@code sheetRows} rows: one ledger if
	 * they fit, else ceil(rows / round) ledgers as even as can be, where round is the
	 * sheet's data rows rounded down to one significant digit.
	 */
	public static LedgerSplit of(int rows, int sheetRows) {
		if (rows <= 0 || sheetRows <= FRAME_ROWS) {
			throw new IllegalArgumentException("rows and sheet rows must be positive: " + rows + ", " + sheetRows);
		}
		if (fitsOneSheet(rows, sheetRows)) {
			return new LedgerSplit(rows, sheetRows, List.of(rows));
		}
		int round = roundDown(sheetRows - FRAME_ROWS);
		int count = (int) ((rows + (long) round - 1) / round);
		List<Integer> sizes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			sizes.add(rows / count + (i < rows % count ? 1 : 0));
		}
		return new LedgerSplit(rows, sheetRows, sizes);
	}

	/** Whether a ledger of {@code rows} data rows fits one sheet of {@code sheetRows}. */
	public static boolean fitsOneSheet(int rows, int sheetRows) {
		return (long) rows + FRAME_ROWS <= sheetRows;
	}

	public boolean split() {
		return ledgers.size() > 1;
	}

	/**
	 * The one line that says how the XLSX side was measured, or null when the rows fit
	 * one sheet.
	 */
	public String message() {
		if (!split()) {
			return null;
		}
		int smallest = ledgers.get(ledgers.size() - 1);
		int largest = ledgers.get(0);
		String sizes = smallest == largest ? String.format("%,d", largest)
				: String.format("%,d to %,d", smallest, largest);
		return String.format("%,d rows exceed one sheet's %,d: XLSX measured as %d ledgers of %s rows from %d sources",
				rows, sheetRows, ledgers.size(), sizes, ledgers.size());
	}

	private static int roundDown(int n) {
		int unit = 1;
		while (n / unit >= 10) {
			unit *= 10;
		}
		return n / unit * unit;
	}

}
