package org.tally.ingest;

import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;

/**
 * A data row of a department sheet, its cells lined up with the dataset's columns (null
 * where blank or unmapped). A totals row (合计) is delivered too, flagged, so it can be
 * checked.
 */
public record SourceRow(LoadContext context, int rowNumber, boolean totals, RawCell[] cells, RawRow raw) {
}
