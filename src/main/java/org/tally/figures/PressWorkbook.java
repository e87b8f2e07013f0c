package org.tally.figures;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The press view as a workbook: "figures" (numbers as numeric cells with a display
 * format), "sources" (the files behind each figure) and "by county" with a native bar
 * chart Excel and LibreOffice draw.
 */
final class PressWorkbook {

	static final String FIGURES = "figures";
	static final String SOURCES = "sources";
	static final String BY_COUNTY = "by county";
	static final String YUAN_FORMAT = "#,##0.00";
	static final String COUNT_FORMAT = "#,##0";
	static final String DATE_FORMAT = "yyyy-mm-dd";

	private final XSSFWorkbook workbook = new XSSFWorkbook();

	private final CellStyle header;

	private final CellStyle yuan;

	private final CellStyle count;

	private final CellStyle date;

	private final CellStyle quoted;

	private PressWorkbook() {
		Font bold = workbook.createFont();
		bold.setBold(true);
		header = workbook.createCellStyle();
		header.setFont(bold);
		yuan = numberStyle(YUAN_FORMAT);
		count = numberStyle(COUNT_FORMAT);
		date = numberStyle(DATE_FORMAT);
		quoted = workbook.createCellStyle();
		quoted.setQuotePrefixed(true);
	}

	static void write(List<FigureValue> figures, LocalDate asOf, List<InvestmentByCounty.County> counties,
			OutputStream out) throws IOException {
		PressWorkbook book = new PressWorkbook();
		try (XSSFWorkbook workbook = book.workbook) {
			book.figures(figures);
			book.sources(figures);
			book.byCounty(asOf, counties);
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

	private void byCounty(LocalDate asOf, List<InvestmentByCounty.County> counties) {
		XSSFSheet sheet = workbook.createSheet(BY_COUNTY);
		header(sheet, List.of("county", "committed_investment", "completed_investment"));
		int r = 1;
		for (InvestmentByCounty.County county : counties) {
			Row row = sheet.createRow(r++);
			text(row, 0, county.county());
			amount(row, 1, county.committed(), yuan);
			amount(row, 2, county.completed(), yuan);
		}
		widths(sheet, 16, 22, 22);
		if (!counties.isEmpty()) {
			chart(sheet, asOf, counties.size());
		}
	}

	/**
	 * A clustered column chart over the sheet's own cells, so it follows edits made in
	 * Excel.
	 */
	private static void chart(XSSFSheet sheet, LocalDate asOf, int rows) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 4, 1, 14, 22);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText("签约与完成投资（按县区）Committed vs completed investment by county, " + asOf);
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis counties = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis yuan = chart.createValueAxis(AxisPosition.LEFT);
		yuan.setCrosses(AxisCrosses.AUTO_ZERO);
		yuan.setNumberFormat(YUAN_FORMAT);
		XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(1, rows, 0, 0));
		XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, counties, yuan);
		bars.setBarDirection(BarDirection.COL);
		for (int column = 1; column <= 2; column++) {
			XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(1, rows, column, column));
			XDDFChartData.Series series = bars.addSeries(names, values);
			series.setTitle(sheet.getRow(0).getCell(column).getStringCellValue(),
					new CellReference(sheet.getSheetName(), 0, column, true, true));
		}
		chart.plot(bars);
	}

	/**
	 * A spreadsheet number is a binary double whatever we hold; the BigDecimal is
	 * converted only here, at the cell, and yuan with two decimals up to 10^13 survive
	 * the round trip exactly as shown.
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
			row.getCell(i).setCellStyle(header);
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
