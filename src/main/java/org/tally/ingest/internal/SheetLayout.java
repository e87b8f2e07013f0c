package org.tally.ingest.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tally.normalize.AmountUnit;

/**
 * Where a source's table sits in a sheet: the header rows, which sheet column holds each
 * dataset column (-1 when absent), each column's unit, the period a title cell states
 * (null if none), and the header text of every header column by its letter (what the
 * department calls the column, for the rejects sent back to it).
 */
public record SheetLayout(int headerFirstRow, int headerLastRow, int[] sheetColumns, List<AmountUnit> units,
		LocalDate titlePeriod, Map<String, String> headerTexts) {
}
