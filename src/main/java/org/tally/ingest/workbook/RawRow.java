package org.tally.ingest.workbook;

import java.util.List;

/**
 * A row holding at least one non-blank cell. {@code rowNumber} is 1-based as Excel shows
 * it; {@code cells} are sorted by column and sparse: blank cells are absent.
 */
public record RawRow(int rowNumber, List<RawCell> cells) {

	public RawRow {
		if (rowNumber < 1) {
			throw new IllegalArgumentException("rowNumber must be >= 1: " + rowNumber);
		}
		cells = List.copyOf(cells);
	}

	/** The cell at the 0-based column, or null when that cell is blank. */
	public RawCell cell(int column) {
		// Most rows have no blank cell before this one: then the cell sits at its own
		// index.
		if (column < cells.size()) {
			RawCell direct = cells.get(column);
			if (direct.column() == column) {
				return direct;
			}
		}
		// Rows are short and sorted: a binary search beats building an index per row.
		int lo = 0;
		int hi = cells.size() - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			int c = cells.get(mid).column();
			if (c < column) {
				lo = mid + 1;
			}
			else if (c > column) {
				hi = mid - 1;
			}
			else {
				return cells.get(mid);
			}
		}
		return null;
	}
}
