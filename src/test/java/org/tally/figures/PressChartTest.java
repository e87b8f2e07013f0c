package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTStrVal;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTValAx;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarGrouping;
import org.openxmlformats.schemas.drawingml.x2006.chart.STCrossBetween;

/**
 * Given the twelve counties of the county dimension, the workbook's chart is a complete
 * clustered column chart over the 亿元 cells of the by-county sheet: series named by the
 * figures' labels, counties in the order given, explicit fills, and a value axis titled
 * with its unit whose format is its own, not the cells'.
 */
class PressChartTest {

	static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

	/** config/reporting.yml's order, with amounts in yuan (to the fen). */
	static final List<InvestmentByCounty.County> COUNTIES = List.of(county("潞州区", "15000000000.00", "6000000000.00"),
			county("上党区", "9500000000.00", "4200000000.00"), county("屯留区", "8000000000.00", "3000000000.00"),
			county("潞城区", "6050000000.00", "2500000000.00"), county("襄垣县", "12000000000.00", "5100000000.00"),
			county("平顺县", "4500000000.00", "1800000000.00"), county("黎城县", "3000000000.00", "1500000000.00"),
			county("壶关县", "7000000000.00", "2900000000.00"), county("长子县", "2500000000.00", "1000000000.00"),
			county("武乡县", "5500000000.00", "2600000000.00"), county("沁县", "4000000000.00", "1700000000.00"),
			county("沁源县", "3512345678.91", "1600000000.00"));

	static final InvestmentByCounty.Period PERIOD = new InvestmentByCounty.Period(AS_OF,
			new InvestmentByCounty.Basis("committed_investment", "社会资金签约额", AS_OF, 2, 5, 21),
			new InvestmentByCounty.Basis("completed_investment", "完成投资额", AS_OF, 2, 5, 22), COUNTIES);

	@Test
	void givenTwelveCounties_theChartNamesItsSeriesByTheFigureLabelsAndKeepsTheCountyOrder() throws IOException {
		try (XSSFWorkbook book = open()) {
			List<CTBarSer> series = barChart(book).getSerList();

			assertThat(series).hasSize(2);
			assertThat(series.get(0).getTx().getStrRef().getF()).isEqualTo("'by county'!$B$1");
			assertThat(series.get(0).getTx().getStrRef().getStrCache().getPtArray(0).getV()).isEqualTo("社会资金签约额");
			assertThat(series.get(1).getTx().getStrRef().getStrCache().getPtArray(0).getV()).isEqualTo("完成投资额");
			for (CTBarSer s : series) {
				assertThat(s.getCat().getStrRef().getF()).isEqualTo("'by county'!$A$2:$A$13");
				assertThat(s.getCat().getStrRef().getStrCache().getPtList().stream().map(CTStrVal::getV))
					.containsExactlyElementsOf(COUNTIES.stream().map(InvestmentByCounty.County::county).toList());
			}
		}
	}

	@Test
	void givenAmountsInYuan_theSeriesChartTheCellsIn100MillionYuan() throws IOException {
		try (XSSFWorkbook book = open()) {
			List<CTBarSer> series = barChart(book).getSerList();

			assertThat(series.get(0).getVal().getNumRef().getF()).isEqualTo("'by county'!$B$2:$B$13");
			assertThat(series.get(1).getVal().getNumRef().getF()).isEqualTo("'by county'!$C$2:$C$13");
			assertThat(cached(series.get(0))).containsExactly(150d, 95d, 80d, 60.5, 120d, 45d, 30d, 70d, 25d, 55d, 40d,
					35.1234567891);
			assertThat(cached(series.get(1)).get(0)).isEqualTo(60d);
			var sheet = book.getSheet(PressWorkbook.BY_COUNTY);
			assertThat(BigDecimal.valueOf(sheet.getRow(12).getCell(1).getNumericCellValue()))
				.isEqualByComparingTo("35.1234567891");
			assertThat(sheet.getRow(12).getCell(1).getCellStyle().getDataFormatString())
				.isEqualTo(PressWorkbook.YI_FORMAT);
		}
	}

	@Test
	void givenTheChart_itIsACompleteClusteredColumnChartWithFillsAndAUnitOnTheValueAxis() throws IOException {
		try (XSSFWorkbook book = open()) {
			XSSFChart chart = chart(book);
			CTPlotArea plot = chart.getCTChart().getPlotArea();
			CTBarChart bars = plot.getBarChartArray(0);

			assertThat(bars.getBarDir().getVal()).isEqualTo(STBarDir.COL);
			assertThat(bars.getGrouping().getVal()).isEqualTo(STBarGrouping.CLUSTERED);
			assertThat(bars.getVaryColors().getVal()).isFalse();
			assertThat(bars.getGapWidth().getVal()).isEqualTo(PressChart.GAP_WIDTH);
			assertThat(bars.isSetOverlap()).as("overlap left at its default, 0").isFalse();
			assertThat(fill(bars.getSerArray(0))).isEqualTo(PressChart.COMMITTED_RGB);
			assertThat(fill(bars.getSerArray(1))).isEqualTo(PressChart.COMPLETED_RGB);

			CTValAx value = plot.getValAxArray(0);
			long categoryId = plot.getCatAxArray(0).getAxId().getVal();
			assertThat(bars.getAxIdList().stream().map(a -> a.getVal())).containsExactly(categoryId,
					value.getAxId().getVal());
			assertThat(value.getCrossAx().getVal()).isEqualTo(categoryId);
			assertThat(plot.getCatAxArray(0).getCrossAx().getVal()).isEqualTo(value.getAxId().getVal());
			assertThat(value.getCrossBetween().getVal()).as("bars between the ticks, not cut at the edges")
				.isEqualTo(STCrossBetween.BETWEEN);
			assertThat(value.getNumFmt().getFormatCode()).isEqualTo("#,##0");
			assertThat(value.getNumFmt().getSourceLinked()).isFalse();
			assertThat(text(value.getTitle().getTx().getRich().getPList())).isEqualTo(PressChart.VALUE_AXIS_TITLE);
			assertThat(text(chart.getCTChart().getTitle().getTx().getRich().getPList()))
				.isEqualTo("各县区社会资金签约额与完成投资额（截至2024年12月31日）");
		}
	}

	static byte[] xlsx() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PressWorkbook.write(PressExportFilesTest.VIEW, PERIOD, out);
		return out.toByteArray();
	}

	private static XSSFWorkbook open() throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(xlsx()));
	}

	private static XSSFChart chart(XSSFWorkbook book) {
		List<XSSFChart> charts = book.getSheet(PressWorkbook.BY_COUNTY).getDrawingPatriarch().getCharts();
		assertThat(charts).hasSize(1);
		return charts.get(0);
	}

	private static CTBarChart barChart(XSSFWorkbook book) {
		return chart(book).getCTChart().getPlotArea().getBarChartArray(0);
	}

	private static List<Double> cached(CTBarSer series) {
		List<Double> values = new ArrayList<>();
		series.getVal().getNumRef().getNumCache().getPtList().forEach(pt -> values.add(Double.valueOf(pt.getV())));
		return values;
	}

	private static int fill(CTBarSer series) {
		return HexFormat.fromHexDigits(HexFormat.of().formatHex(series.getSpPr().getSolidFill().getSrgbClr().getVal()));
	}

	private static String text(List<org.openxmlformats.schemas.drawingml.x2006.main.CTTextParagraph> paragraphs) {
		StringBuilder text = new StringBuilder();
		paragraphs.forEach(p -> p.getRList().forEach(r -> text.append(r.getT())));
		return text.toString();
	}

	private static InvestmentByCounty.County county(String name, String committed, String completed) {
		return new InvestmentByCounty.County(name, new BigDecimal(committed), new BigDecimal(completed));
	}

}
