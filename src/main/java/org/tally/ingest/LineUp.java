package org.tally.ingest;

import java.util.List;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.internal.RowClassifier;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;

/**
 * Lines up a file's sheet rows with its dataset's columns, row after row: notes, section
 * headings, repeated headers and empty rows dropped ({@link RowClassifier}), blank cells
 * null, and a merged block's value carried down where the source says so.
 */
final class LineUp {

	private final LoadContext context;

	/** Per dataset column: whether a blank cell takes the value above (merged blocks). */
	private final boolean[] fillDown;

	private final RawCell[] fillDownValues;

	private final RowClassifier classifier;

	/** {@code headerRows}: the header's one or two rows, to skip it where repeated. */
	LineUp(LoadContext context, List<RawRow> headerRows) {
		this.context = context;
		this.classifier = new RowClassifier(context.sheetColumns(), headerRows);
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
	 * The row lined up, or null for a row a run skips (a note, a heading, the header
	 * again, nothing in the dataset's columns).
	 */
	SourceRow row(RawRow raw) {
		return row(raw, classifier.classify(raw));
	}

	RowKind kind(RawRow raw) {
		return classifier.classify(raw);
	}

	/** The row lined up as {@code kind}, or null for a kind a run skips. */
	SourceRow row(RawRow raw, RowKind kind) {
		if (!kind.read()) {
			return null;
		}
		boolean totals = kind == RowKind.TOTALS;
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
