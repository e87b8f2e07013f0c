package org.tally.ingest;

import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.internal.RowClassifier;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;

/**
 * Lines up a file's sheet rows with its dataset's columns, row after row: notes and empty
 * rows dropped, blank cells null, and a merged block's value carried down where the
 * source says so.
 */
final class LineUp {

	private final LoadContext context;

	/** Per dataset column: whether a blank cell takes the value above (merged blocks). */
	private final boolean[] fillDown;

	private final RawCell[] fillDownValues;

	LineUp(LoadContext context) {
		this.context = context;
		DatasetDefinition dataset = context.dataset();
		SourceDefinition source = context.source();
		this.fillDown = new boolean[dataset.columns().size()];
		for (int i = 0; i < fillDown.length; i++) {
			SourceDefinition.Column spec = source.columns().get(dataset.columns().get(i).name());
			fillDown[i] = spec != null && spec.fillDown();
		}
		this.fillDownValues = new RawCell[fillDown.length];
	}

	/**
	 * The row lined up, or null for a note or a row with nothing in the dataset's
	 * columns.
	 */
	SourceRow row(RawRow raw) {
		if (raw.cells().isEmpty() || RowClassifier.isNote(raw)) {
			return null;
		}
		boolean totals = RowClassifier.isTotals(raw);
		int[] columns = context.sheetColumns();
		RawCell[] cells = new RawCell[columns.length];
		boolean any = false;
		for (int i = 0; i < columns.length; i++) {
			RawCell cell = columns[i] < 0 ? null : raw.cell(columns[i]);
			if (cell != null && cell.value().isBlank()) {
				cell = null;
			}
			cells[i] = cell;
			any |= cell != null;
		}
		if (!any) {
			return null;
		}
		if (!totals) {
			for (int i = 0; i < cells.length; i++) {
				if (fillDown[i]) {
					if (cells[i] == null) {
						cells[i] = fillDownValues[i];
					}
					else {
						fillDownValues[i] = cells[i];
					}
				}
			}
		}
		return new SourceRow(context, raw.rowNumber(), totals, cells, raw);
	}

}
