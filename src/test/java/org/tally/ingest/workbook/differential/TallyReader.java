package org.tally.ingest.workbook.differential;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.Workbooks;
import org.tally.normalize.CellValues;
import org.tally.normalize.ValueFormatException;

/**
 * Reads every named sheet of a file through Tally's own cursor (Workbooks.open, the
 * ingest's entry point) into the compared representation. A date-formatted number becomes
 * a DATE whose day is the one Tally's date layer (CellValues.date) gives it.
 */
final class TallyReader {

	private TallyReader() {
	}

	static Reading read(Path file, List<String> sheetNames) {
		Map<String, Map<String, Reading.Cell>> sheets = Reading.newSheets();
		for (String name : sheetNames) {
			SheetSelector selector = name == null ? SheetSelector.first() : SheetSelector.named(name);
			try (SheetCursor cursor = Workbooks.open(file, selector, ReadLimits.defaults())) {
				Map<String, Reading.Cell> cells = new LinkedHashMap<>();
				while (cursor.hasNext()) {
					RawRow row = cursor.next();
					for (RawCell cell : row.cells()) {
						String ref = cell.reference(row.rowNumber());
						Reading.Cell previous = cells.put(ref, new Reading.Cell(typed(cell, cursor.date1904()),
								new Reading.Facts(cell.value(), null, null, null, null)));
						if (previous != null) {
							throw new AssertionError(file + " sheet " + name + ": Tally gave cell " + ref + " twice");
						}
					}
				}
				sheets.put(name == null ? cursor.sheetName() : name, cells);
			}
		}
		return new Reading("Tally", sheets, Workbooks.visibleSheetNames(file));
	}

	static Typed typed(RawCell cell, boolean date1904) {
		return switch (cell.kind()) {
			case NUMBER -> {
				BigDecimal n = new BigDecimal(cell.value());
				if (!cell.dateFormatted()) {
					yield Typed.number(n);
				}
				String day;
				try {
					day = String.valueOf(CellValues.date(cell.value(), true, date1904));
				}
				catch (ValueFormatException e) {
					day = "refused: " + e.getMessage();
				}
				yield Typed.date(n, day);
			}
			case TEXT -> Typed.text(cell.value());
			case BOOLEAN -> Typed.bool(cell.value().equals("TRUE"));
			case ERROR -> Typed.error(cell.value());
			case FORMULA_WITHOUT_VALUE -> Typed.formulaWithoutValue(cell.value());
		};
	}

}
