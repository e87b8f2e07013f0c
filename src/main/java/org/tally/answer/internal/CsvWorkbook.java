package org.tally.answer.internal;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tally.figures.ExportText;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.Workbooks;

/**
 * A department's CSV as a workbook, cell for cell where the CSV had it, so that it can
 * come back marked: a plain number becomes a number, everything else stays text exactly
 * as the file had it (a code such as 007 keeps its zeros).
 */
public final class CsvWorkbook {

	/**
	 * A number a spreadsheet shows as the CSV wrote it: no leading zeros, no grouping.
	 */
	private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,6})?");

	private CsvWorkbook() {
	}

	/**
	 * Reads the CSV the way a run did (its encoding and delimiter sniffed) into one sheet
	 * named {@code sheetName}.
	 */
	public static XSSFWorkbook read(Path csv, String sheetName, ReadLimits limits) {
		XSSFWorkbook workbook = new XSSFWorkbook();
		CellStyle quoted = workbook.createCellStyle();
		quoted.setQuotePrefixed(true);
		Sheet sheet = workbook.createSheet(
				WorkbookUtil.createSafeSheetName(sheetName == null || sheetName.isBlank() ? "Sheet1" : sheetName));
		try (SheetCursor cursor = Workbooks.open(csv, SheetSelector.first(), limits)) {
			while (cursor.hasNext()) {
				RawRow raw = cursor.next();
				Row row = sheet.createRow(raw.rowNumber() - 1);
				for (RawCell value : raw.cells()) {
					Cell cell = row.createCell(value.column());
					if (PLAIN_NUMBER.matcher(value.value()).matches()) {
						cell.setCellValue(Double.parseDouble(value.value()));
					}
					else {
						cell.setCellValue(value.value());
						if (ExportText.startsFormula(value.value())) {
							cell.setCellStyle(quoted);
						}
					}
				}
			}
		}
		return workbook;
	}

}
