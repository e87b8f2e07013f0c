package org.tally.ingest.internal;

import java.time.LocalDate;
import java.util.List;
import org.tally.normalize.AmountUnit;

/**
 * Where a source's table sits in a sheet: the header rows, which sheet column holds each
 * dataset column (-1 when absent), each column's unit, and the period a title cell states
 * (null if none).
 */
public record SheetLayout(int headerFirstRow, int headerLastRow, int[] sheetColumns, List<AmountUnit> units,
		LocalDate titlePeriod, List<String> headerTexts) {
}
