package org.tally.ingest.workbook.internal;

import org.apache.poi.ss.util.CellReference;

/**
 * A row's characters counted cell by cell as it is read, so that an oversized row is
 * refused before it is held whole: each cell may be within its limit while the row holds
 * hundreds of millions of characters.
 */
public final class RowChars {

	private final long max;

	private long count;

	public RowChars(long max) {
		this.max = max;
	}

	/** Starts counting a new row. */
	public void reset() {
		count = 0;
	}

	/** Counts a cell kept for the row; refuses the row once it passes the limit. */
	public void add(int chars, int column, long rowNumber) {
		count += chars;
		if (count > max) {
			throw new Refused("row too large: more than " + max + " characters in row " + rowNumber
					+ " (reached in cell " + CellReference.convertNumToColString(column) + rowNumber + ")");
		}
	}

}
