package org.tally.ingest.workbook.differential;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Every cell kind as POI's own writer stores it, in XLSX (XSSF) and XLS (HSSF) alike:
 * numbers, text (control characters, escapes, emoji, the longest cell), rich text,
 * booleans, each error, dates in many formats, evaluated and unevaluated formulas, merged
 * cells, hidden rows and hidden sheets; in XLSX also a cell at XFD1048576.
 */
final class PoiQuirkWorkbook {

	static final String SHEET = "kinds";

	private PoiQuirkWorkbook() {
	}

	static Path xlsx(Path file, boolean date1904) {
		XSSFWorkbook wb = new XSSFWorkbook();
		if (date1904) {
			wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
		}
		return write(file, wb, true);
	}

	static Path xls(Path file, boolean date1904) {
		HSSFWorkbook wb = new HSSFWorkbook();
		if (date1904) {
			((DateWindow1904Record) wb.getInternalWorkbook().findFirstRecordBySid(DateWindow1904Record.sid))
				.setWindowing((short) 1);
		}
		return write(file, wb, false);
	}

	private static Path write(Path file, Workbook wb, boolean xlsx) {
		try (wb; OutputStream out = Files.newOutputStream(file)) {
			fill(wb, xlsx);
			wb.write(out);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void fill(Workbook wb, boolean xlsx) {
		Sheet s = wb.createSheet(SHEET);
		Row numbers = s.createRow(0);
		double[] ns = { 0, -1, 6023745.5, 0.1 + 0.2, 1e-10, Double.MAX_VALUE, 123456789012345678d, 4.9e-324, -123.456,
				1e15 + 0.3 };
		for (int i = 0; i < ns.length; i++) {
			numbers.createCell(i).setCellValue(ns[i]);
		}
		Row texts = s.createRow(1);
		String[] ts = { "项目编号", "  leading and trailing  ", "line\nbreak\r\nend", "tab\there", "\u0001control\u001f",
				"_x0041_ literal", "emoji 😀", "", "x".repeat(32_767), "全角１２３", "=1+1" };
		for (int i = 0; i < ts.length; i++) {
			texts.createCell(i).setCellValue(ts[i]);
		}
		Row rich = s.createRow(2);
		RichTextString r = wb.getCreationHelper().createRichTextString("红色 bold 正常");
		Font bold = wb.createFont();
		bold.setBold(true);
		r.applyFont(3, 7, bold);
		rich.createCell(0).setCellValue(r);
		Row logic = s.createRow(3);
		logic.createCell(0).setCellValue(true);
		logic.createCell(1).setCellValue(false);
		int col = 2;
		for (FormulaError e : new FormulaError[] { FormulaError.NULL, FormulaError.DIV0, FormulaError.VALUE,
				FormulaError.REF, FormulaError.NAME, FormulaError.NUM, FormulaError.NA }) {
			logic.createCell(col++).setCellErrorValue(e.getCode());
		}
		Row dates = s.createRow(4);
		String[] formats = { "m/d/yy", "m/d/yy h:mm", "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "hh:mm:ss",
				"yyyy-mm-dd hh:mm:ss", "[$-F800]dddd, mmmm dd, yyyy" };
		double[] serials = { 45426, 45426.75, 1, 60, 61, 0.5, 2958465, -1, 2958466, 36526.999988426 };
		col = 0;
		for (String format : formats) {
			CellStyle style = wb.createCellStyle();
			style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(format));
			for (double serial : serials) {
				Cell c = dates.createCell(col++);
				c.setCellValue(serial);
				c.setCellStyle(style);
			}
		}
		Row eastAsian = s.createRow(5);
		col = 0;
		for (int id : new int[] { 27, 31, 57, 14, 22 }) {
			CellStyle style = wb.createCellStyle();
			style.setDataFormat((short) id);
			Cell c = eastAsian.createCell(col++);
			c.setCellValue(45426.25);
			c.setCellStyle(style);
		}
		Cell dateTime = eastAsian.createCell(col);
		CellStyle dt = wb.createCellStyle();
		dt.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
		dateTime.setCellValue(LocalDateTime.of(2024, 12, 31, 23, 59, 59));
		dateTime.setCellStyle(dt);
		Row formulas = s.createRow(6);
		formulas.createCell(0).setCellFormula("A1+C1");
		formulas.createCell(1).setCellFormula("\"n=\"&C1");
		formulas.createCell(2).setCellFormula("1/0");
		formulas.createCell(3).setCellFormula("C1>1");
		formulas.createCell(4).setCellFormula("\"\"");
		formulas.createCell(5).setCellFormula("NA()");
		FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
		for (Cell c : formulas) {
			evaluator.evaluateFormulaCell(c);
		}
		// Never evaluated: XSSF stores no result, HSSF a zero.
		Row unevaluated = s.createRow(7);
		unevaluated.createCell(0).setCellFormula("SUM(A1:C1)");
		unevaluated.createCell(1).setCellFormula("\"a\"&\"b\"");
		Row merged = s.createRow(8);
		merged.createCell(0).setCellValue("merged A9:C10");
		merged.createCell(1).setCellValue("under the merge");
		s.addMergedRegion(new CellRangeAddress(8, 9, 0, 2));
		Row hidden = s.createRow(10);
		hidden.createCell(0).setCellValue("hidden row");
		hidden.createCell(1).setCellValue(11);
		hidden.setZeroHeight(true);
		Row styledBlank = s.createRow(11);
		styledBlank.createCell(0).setCellStyle(dt);
		styledBlank.createCell(1).setCellValue(12);
		wb.createSheet("hidden").createRow(0).createCell(0).setCellValue("on a hidden sheet");
		wb.setSheetHidden(1, true);
		wb.createSheet("very hidden").createRow(3).createCell(3).setCellValue(4);
		wb.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
		Sheet edges = wb.createSheet("edges");
		int lastRow = xlsx ? 1_048_575 : 65_535;
		int lastCol = xlsx ? 16_383 : 255;
		edges.createRow(0).createCell(lastCol).setCellValue("last column");
		Row last = edges.createRow(lastRow);
		last.createCell(0).setCellValue("last row");
		last.createCell(lastCol).setCellValue(lastRow + 1);
	}

}
