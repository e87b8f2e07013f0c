package org.tally.figures;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The native column chart of the "by county" sheet: committed against completed
 * investment in 亿元, one cluster per county, defined in full (grouping, fills, gap, axes
 * and their formats) because LibreOffice and WPS fill in nothing that the file leaves
 * out, where Excel guesses.
 */
final class PressChart {

	static final String VALUE_AXIS_TITLE = "投资额（亿元）";

	/** Series fills as RGB, committed first; also what the rendering test looks for. */
	static final int COMMITTED_RGB = 0x2E75B6;

	static final int COMPLETED_RGB = 0xED7D31;

	static final int GAP_WIDTH = 80;

	private static final int GRID_RGB = 0xD9D9D9;

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private PressChart() {
	}

	/**
	 * Draws the chart beside the table: counties in column A, committed and completed in
	 * 亿元 in B and C from row 2, their labels in row 1.
	 * @param largest the largest value charted, in 亿元
	 */
	static void draw(XSSFSheet sheet, InvestmentByCounty.Period period, BigDecimal largest) {
		int rows = period.counties().size();
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 4, 1, 16, Math.max(rows + 2, 26));
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText("各县区" + period.committed().label() + "与" + period.completed().label() + "（截至"
				+ period.asOf().format(CHINESE_DATE) + "）");
		chart.setTitleOverlay(false);
		chart.setAutoTitleDeleted(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		chart.getOrAddLegend().setOverlay(false);

		XDDFCategoryAxis counties = chart.createCategoryAxis(AxisPosition.BOTTOM);
		counties.setMajorTickMark(AxisTickMark.NONE);
		XDDFValueAxis yi = chart.createValueAxis(AxisPosition.LEFT);
		yi.setTitle(VALUE_AXIS_TITLE);
		yi.setCrosses(AxisCrosses.AUTO_ZERO);
		yi.setCrossBetween(AxisCrossBetween.BETWEEN);
		yi.setMajorTickMark(AxisTickMark.OUT);
		// from zero, always: a bar cut short would overstate the differences
		yi.setMinimum(0);
		yi.getOrAddMajorGridProperties().setLineProperties(line(GRID_RGB));

		XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, counties, yi);
		bars.setBarDirection(BarDirection.COL);
		bars.setBarGrouping(BarGrouping.CLUSTERED);
		bars.setVaryColors(false);
		// overlap left out (poi-ooxml-lite lacks its type): Excel, LibreOffice and WPS
		// read none as 0, the pair side by side
		bars.setGapWidth(GAP_WIDTH);
		XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(1, rows, 0, 0));
		series(sheet, bars, names, rows, 1, COMMITTED_RGB);
		series(sheet, bars, names, rows, 2, COMPLETED_RGB);
		chart.plot(bars);
		// XDDF links the axis format to the cells; unlinked, the axis shows whole 亿元
		// while the cells keep their two decimals. Below 10 亿元 whole numbers would
		// repeat (0, 1, 1, 2), so the application picks the decimals there.
		yi.setNumberFormat(largest.compareTo(BigDecimal.TEN) >= 0 ? "#,##0" : "General");
		chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
	}

	/** The series of column {@code column}, named by the label in its header cell. */
	private static void series(XSSFSheet sheet, XDDFBarChartData bars, XDDFDataSource<String> names, int rows,
			int column, int rgb) {
		XDDFChartData.Series series = bars.addSeries(names,
				XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, rows, column, column)));
		series.setTitle(sheet.getRow(0).getCell(column).getStringCellValue(),
				new CellReference(sheet.getSheetName(), 0, column, true, true));
		XDDFShapeProperties shape = new XDDFShapeProperties();
		shape.setFillProperties(new XDDFSolidFillProperties(color(rgb)));
		shape.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
		series.setShapeProperties(shape);
	}

	private static XDDFLineProperties line(int rgb) {
		XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(color(rgb)));
		line.setWidth(0.75);
		return line;
	}

	private static XDDFColor color(int rgb) {
		return XDDFColor.from(new byte[] { (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb });
	}

}
