package org.tally.validate;

import java.util.List;
import org.tally.ingest.LoadContext;
import org.tally.ingest.SourceRow;

/**
 * A row whose cells were read as their columns' types, with what was wrong with them,
 * before its references are checked: values in dataset column order, and the source row
 * (null once a row read well no longer needs it, see
 * {@link RowValidator#retainedForAccept}).
 */
public record CheckedRow(LoadContext context, int rowNumber, boolean totals, SourceRow row, Object[] values,
		List<CellProblem> problems) {

	/**
	 * The row as valid so far (its cells all read), to encode ahead of the reference
	 * check.
	 */
	public ValidRow asValid() {
		return new ValidRow(context, rowNumber, totals, values);
	}
}
