package org.tally.ingest.internal;

import java.util.List;

/**
 * What the header search found: the layout (null when no header row matched), the best
 * row's score (columns matched) and the runner-up's, each header cell with the column and
 * alias it maps to, the required columns missing, each column's unit and where it came
 * from, the title cell a period was read from, and why a run would quarantine the file
 * (null when it would read it).
 */
public record HeaderSearch(SheetLayout found, int score, String runnerUpRows, int runnerUpScore, List<HeaderCell> cells,
		List<String> missing, List<UnitOrigins.Unit> units, String titlePeriodCell, String failure) {

	static HeaderSearch failed(String failure) {
		return new HeaderSearch(null, 0, null, 0, List.of(), List.of(), List.of(), null, failure);
	}

	/** The layout, or the exception a run quarantines the file with. */
	public SheetLayout layout() {
		if (failure != null) {
			throw new SheetLayoutException(failure);
		}
		return found;
	}

	/** One header cell: its 0-based column, text, and the dataset column it maps to. */
	public record HeaderCell(int sheetColumn, String text, String column, String alias) {
	}

}
