package org.tally.validate;

import java.util.List;
import java.util.stream.Collectors;
import org.tally.ingest.SourceRow;

/**
 * A row failed validation; it carries the file, sheet, row and every cell problem found.
 */
public class RowRejectedException extends RuntimeException {

	private final transient SourceRow row;

	private final List<CellProblem> problems;

	public RowRejectedException(SourceRow row, List<CellProblem> problems) {
		super(row.context().load().fileName() + " [" + row.context().sheet() + "] row " + row.rowNumber() + ": "
				+ problems.stream()
					.map(p -> (p.cellRef() == null ? p.column() : p.cellRef()) + " " + p.reasonEn())
					.collect(Collectors.joining("; ")));
		this.row = row;
		this.problems = List.copyOf(problems);
	}

	public SourceRow row() {
		return row;
	}

	public List<CellProblem> problems() {
		return problems;
	}

}
