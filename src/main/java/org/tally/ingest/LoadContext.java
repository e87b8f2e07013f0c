package org.tally.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.normalize.AmountUnit;

/**
 * What reading a file established once for all its rows: the sheet, the reporting period,
 * per dataset column (in declaration order) the sheet column it sits in (-1 when absent)
 * and its unit, and the header text of each header column by letter.
 */
public record LoadContext(LoadRef load, SourceDefinition source, DatasetDefinition dataset, String sheet,
		LocalDate period, int[] sheetColumns, List<AmountUnit> units, boolean date1904,
		Map<String, String> headerTexts) {

	public String columnLetter(int datasetColumn) {
		int column = sheetColumns[datasetColumn];
		return column < 0 ? "" : CellReference.convertNumToColString(column);
	}

	public String cellRef(int datasetColumn, int rowNumber) {
		return sheetColumns[datasetColumn] < 0 ? null : columnLetter(datasetColumn) + rowNumber;
	}
}
