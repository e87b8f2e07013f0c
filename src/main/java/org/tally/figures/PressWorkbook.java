package org.tally.figures;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The press view as a workbook: "figures" (numbers as numeric cells with a display
 * format), "sources" (the files behind each figure) and "by county" in 亿元 with a native
 * column chart Excel, LibreOffice and WPS draw ({@link PressChart}).
 */
final class PressWorkbook {

	static final String FIGURES = "figures";
	static final String SOURCES = "sources";
	static final String BY_COUNTY = "by county";
	static final String YUAN_FORMAT = "#,##0.00";
	static final String COUNT_FORMAT = "#,##0";
	static final String DATE_FORMAT = "yyyy-mm-dd";
	static final String YI_FORMAT = "#,##0.00\"亿元\"";
	static final String COUNTY = "县区";

	private final XSSFWorkbook workbook = new XSSFWorkbook();

	private final CellStyle header;

	private final CellStyle quotedHeader;

	private final CellStyle yuan;

	private final CellStyle yi;

	private final CellStyle count;

	private final CellStyle date;

	private final CellStyle quoted;

	private PressWorkbook() {
		Font bold = workbook.createFont();
		bold.setBold(true);
		header = workbook.createCellStyle();
		header.setFont(bold);
		quotedHeader = workbook.createCellStyle();
		quotedHeader.cloneStyleFrom(header);
		quotedHeader.setQuotePrefixed(true);
		yuan = numberStyle(YUAN_FORMAT);
		yi = numberStyle(YI_FORMAT);
		count = numberStyle(COUNT_FORMAT);
		date = numberStyle(DATE_FORMAT);
		quoted = workbook.createCellStyle();
		quoted.setQuotePrefixed(true);
	}

	/**
	 * Writes the workbook; {@code byCounty} is null when the two investment figures have
	 * no verified version for the press view's date (the sheet then has no rows and no
	 * chart).
	 */
	static void write(List<FigureValue> figures, InvestmentByCounty.Period byCounty, OutputStream out)
			throws IOException {
		PressWorkbook book = new PressWorkbook();
		try (XSSFWorkbook workbook = book.workbook) {
			book.figures(figures);
			book.sources(figures);
			book.byCounty(byCounty);
			workbook.write(out);
		}
	}

	private void figures(List<FigureValue> figures) {
		XSSFSheet sheet = workbook.createSheet(FIGURES);
		header(sheet, PressCsv.HEADER);
		int r = 1;
		for (FigureValue f : figures) {
			Row row = sheet.createRow(r++);
			text(row, 0, f.id());
			text(row, 1, f.label());
			text(row, 2, f.labelEn());
			if (f.value() != null) {
				amount(row, 3, f.value(), "CNY".equals(f.unit()) ? yuan : count);
			}
			text(row, 4, f.unit());
			text(row, 5, f.display());
			text(row, 6, f.phrase());
			text(row, 7, f.phraseEn());
			XSSFCell asOf = (XSSFCell) row.createCell(8);
			asOf.setCellValue(f.asOf());
			asOf.setCellStyle(date);
			row.createCell(9).setCellValue(f.version());
			row.getCell(9).setCellStyle(count);
		}
		widths(sheet, 24, 18, 36, 20, 8, 14, 14, 28, 12, 8);
		sheet.createFreezePane(0, 1);
	}

	private void sources(List<FigureValue> figures) {
		XSSFSheet sheet = workbook.createSheet(SOURCES);
		header(sheet, List.of("figure", "file", "sheet", "rows"));
		int r = 1;
		for (FigureValue f : figures) {
			for (FigureValue.Source source : f.sources()) {
				Row row = sheet.createRow(r++);
				text(row, 0, f.id());
				text(row, 1, source.file());
				text(row, 2, source.sheet());
				row.createCell(3).setCellValue(source.rows());
				row.getCell(3).setCellStyle(count);
			}
		}
		widths(sheet, 24, 60, 20, 10);
	}

	/**
	 * One row per county in the order given (the county dimension's), the series named by
	 * the figures' labels: the chart's own cells, so that it follows edits made in Excel.
	 */
	private void byCounty(InvestmentByCounty.Period period) {
		XSSFSheet sheet = workbook.createSheet(BY_COUNTY);
		if (period == null) {
			header(sheet, List.of(COUNTY));
			return;
		}
		header(sheet, List.of(COUNTY, period.committed().label(), period.completed().label()));
		BigDecimal largest = BigDecimal.ZERO;
		int r = 1;
		for (InvestmentByCounty.County county : period.counties()) {
			Row row = sheet.createRow(r++);
			text(row, 0, county.county());
			BigDecimal committed = inYi(county.committed());
			BigDecimal completed = inYi(county.completed());
			amount(row, 1, committed, yi);
			amount(row, 2, completed, yi);
			largest = largest.max(committed).max(completed);
		}
		widths(sheet, 10, 20, 20);
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 1);
		sheet.setFitToPage(true);
		if (!period.counties().isEmpty()) {
			PressChart.draw(sheet, period, largest);
		}
	}

	/** Exact: the cell shows two decimals, the value keeps every fen. */
	static BigDecimal inYi(BigDecimal yuan) {
		return yuan.movePointLeft(8);
	}

	/**
	 * A spreadsheet number is a binary double whatever we hold; the BigDecimal is
	 * converted only here, at the cell. Fifteen significant digits survive the round
	 * trip: yuan with two decimals up to 10^13, and the same amounts in 亿元 with ten.
	 */
	private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
		XSSFCell cell = (XSSFCell) row.createCell(column);
		cell.setCellValue(value.doubleValue());
		cell.setCellStyle(style);
	}

	/**
	 * Text as it is; one that would start a formula gets the quote-prefix style, so it
	 * stays text in Excel and LibreOffice (also when edited) without a visible quote.
	 */
	private void text(Row row, int column, String value) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			if (ExportText.startsFormula(value)) {
				cell.setCellStyle(quoted);
			}
		}
	}

	private void header(XSSFSheet sheet, List<String> names) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < names.size(); i++) {
			row.createCell(i).setCellValue(names.get(i));
			row.getCell(i).setCellStyle(ExportText.startsFormula(names.get(i)) ? quotedHeader : header);
		}
	}

	private static void widths(XSSFSheet sheet, int... characters) {
		for (int i = 0; i < characters.length; i++) {
			sheet.setColumnWidth(i, characters[i] * 256);
		}
	}

	private CellStyle numberStyle(String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}

}
