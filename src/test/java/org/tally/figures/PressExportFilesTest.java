package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a press view (built here, one figure planted with a formula for a label and a
 * source file named like one), the workbook and the CSV carry the values as numbers with
 * their formats, the sources and a native chart, and every formula arrives inert, in POI,
 * commons-csv and LibreOffice.
 */
class PressExportFilesTest {

	static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
	static final String HOSTILE_LABEL = "=HYPERLINK(\"http://evil.example/\",\"click\")";
	static final String HOSTILE_FILE = "=HYPERLINK(\"http://evil.example/\",\"x\").xlsx";

	static final List<FigureValue> VIEW = List
		.of(figure("committed_investment", "社会资金签约额", new BigDecimal("60237123456.78"), "CNY", "602.37亿元", "600余亿元",
				"over CNY 60 billion", List.of(new FigureValue.Source("市财政局_京长对口合作项目台账_2024-12-31.xlsx", "项目台账", 140))),
				figure("project_count", "合作项目数", new BigDecimal("140"), "COUNT", "140个", "140个", "140",
						List.of(new FigureValue.Source(HOSTILE_FILE, "@sheet", 140))),
				figure("planted", HOSTILE_LABEL, new BigDecimal("1234.5"), "CNY", "-1234.50元", "+1234.50元", "\tplanted",
						List.of()));

	static final InvestmentByCounty.Period BY_COUNTY = new InvestmentByCounty.Period(AS_OF,
			new InvestmentByCounty.Basis("committed_investment", "社会资金签约额", AS_OF, 3, 7, 11),
			new InvestmentByCounty.Basis("completed_investment", "完成投资额", AS_OF, 3, 7, 12),
			List.of(new InvestmentByCounty.County("潞州区", new BigDecimal("2500000000.00"),
					new BigDecimal("900000000.00")),
					new InvestmentByCounty.County("上党区", new BigDecimal("1000000000.00"),
							new BigDecimal("400000000.50"))));

	@Test
	void givenThePressView_theWorkbookHoldsNumbersWithFormatsSourcesAndANativeChart() throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx()))) {
			XSSFSheet figures = book.getSheet("figures");
			assertThat(text(figures.getRow(0))).startsWith("figure", "label", "label_en", "value", "unit");
			XSSFRow committed = figures.getRow(1);
			assertThat(committed.getCell(0).getStringCellValue()).isEqualTo("committed_investment");
			assertThat(committed.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(BigDecimal.valueOf(committed.getCell(3).getNumericCellValue()))
				.isEqualByComparingTo("60237123456.78");
			assertThat(committed.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(committed.getCell(6).getStringCellValue()).isEqualTo("600余亿元");
			assertThat(committed.getCell(7).getStringCellValue()).isEqualTo("over CNY 60 billion");
			assertThat(DateUtil.isCellDateFormatted(committed.getCell(8))).isTrue();
			assertThat(committed.getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(AS_OF);
			assertThat(committed.getCell(9).getNumericCellValue()).isEqualTo(3);
			XSSFRow count = figures.getRow(2);
			assertThat(count.getCell(3).getNumericCellValue()).isEqualTo(140);
			assertThat(count.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");

			XSSFSheet sources = book.getSheet("sources");
			assertThat(text(sources.getRow(0))).containsExactly("figure", "file", "sheet", "rows");
			assertThat(sources.getRow(1).getCell(1).getStringCellValue()).isEqualTo("市财政局_京长对口合作项目台账_2024-12-31.xlsx");
			assertThat(sources.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(140);

			XSSFSheet byCounty = book.getSheet("by county");
			assertThat(text(byCounty.getRow(0))).containsExactly("县区", "社会资金签约额", "完成投资额");
			assertThat(byCounty.getRow(1).getCell(0).getStringCellValue()).isEqualTo("潞州区");
			assertThat(byCounty.getRow(1).getCell(1).getNumericCellValue()).as("亿元").isEqualTo(25d);
			assertThat(BigDecimal.valueOf(byCounty.getRow(2).getCell(2).getNumericCellValue())).as("亿元, to the fen")
				.isEqualByComparingTo("4.0000000050");
			assertThat(byCounty.getRow(2).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00\"亿元\"");
			XSSFDrawing drawing = byCounty.getDrawingPatriarch();
			assertThat(drawing).isNotNull();
			assertThat(drawing.getCharts()).hasSize(1);
			assertThat(drawing.getCharts().get(0).getChartSeries()).hasSize(1);
			assertThat(drawing.getCharts().get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(2);
		}
	}

	@Test
	void givenAFormulaForALabelAndAFileName_theWorkbookHoldsThemAsQuotePrefixedTextWithoutAVisibleQuote()
			throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx()))) {
			XSSFRow planted = book.getSheet("figures").getRow(3);
			assertThat(planted.getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertQuotePrefixed(planted.getCell(1), HOSTILE_LABEL);
			assertQuotePrefixed(planted.getCell(5), "-1234.50元");
			assertQuotePrefixed(planted.getCell(6), "+1234.50元");
			assertQuotePrefixed(planted.getCell(7), "\tplanted");
			XSSFRow source = book.getSheet("sources").getRow(2);
			assertQuotePrefixed(source.getCell(1), HOSTILE_FILE);
			assertQuotePrefixed(source.getCell(2), "@sheet");
			XSSFRow committed = book.getSheet("figures").getRow(1);
			assertThat(committed.getCell(1).getStringCellValue()).isEqualTo("社会资金签约额");
			assertThat(committed.getCell(1).getCellStyle().getQuotePrefixed()).as("plain text is left as it is")
				.isFalse();
			book.getSheet("figures")
				.forEach(row -> row.forEach(cell -> assertThat(cell.getCellType()).as("cell %s", cell.getAddress())
					.isNotEqualTo(CellType.FORMULA)));
		}
	}

	private static void assertQuotePrefixed(XSSFCell cell, String text) {
		assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.STRING);
		assertThat(cell.getStringCellValue()).as("cell %s", cell.getAddress()).isEqualTo(text);
		assertThat(cell.getCellStyle().getQuotePrefixed()).as("cell %s quote-prefixed", cell.getAddress()).isTrue();
	}

	@Test
	void givenThePressView_theCsvIsUtf8WithABomAndParsesBackWithInertText() throws IOException {
		byte[] csv = csv();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);

		List<CSVRecord> records;
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))) {
			assertThat(parser.getHeaderNames()).isEqualTo(PressCsv.HEADER);
			records = parser.getRecords();
		}
		assertThat(records).hasSize(3);
		assertThat(records.get(0).get("label")).isEqualTo("社会资金签约额");
		assertThat(records.get(0).get("value")).isEqualTo("60237123456.78");
		assertThat(records.get(0).get("phrase")).isEqualTo("600余亿元");
		assertThat(records.get(0).get("as_of")).isEqualTo("2024-12-31");
		assertThat(records.get(0).get("version")).isEqualTo("3");
		assertThat(records.get(1).get("value")).isEqualTo("140");
		assertThat(records.get(2).get("label")).isEqualTo("'" + HOSTILE_LABEL);
		assertThat(records.get(2).get("value")).isEqualTo("1234.50");
		assertThat(records.get(2).get("display")).isEqualTo("'-1234.50元");
		assertThat(records.get(2).get("phrase_en")).isEqualTo("'\tplanted");
	}

	@Test
	void givenLibreOffice_theWorkbookConvertsToTheExpectedFiguresAndTheFormulaStaysText(@TempDir Path dir)
			throws Exception {
		assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed");
		Path workbook = dir.resolve("press.xlsx");
		Files.write(workbook, xlsx());

		// its own profile: a second LibreOffice of the same user would otherwise hand
		// over and exit at once
		Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
				"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir.toString(),
				workbook.toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("soffice.log").toFile())
			.start();
		assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).as("soffice finished").isTrue();
		Path converted = dir.resolve("press.csv");
		assertThat(converted).as(Files.readString(dir.resolve("soffice.log"))).exists();

		List<CSVRecord> rows;
		try (CSVParser parser = CSVFormat.DEFAULT.parse(Files.newBufferedReader(converted, StandardCharsets.UTF_8))) {
			rows = parser.getRecords();
		}
		assertThat(rows.get(1).get(0)).isEqualTo("committed_investment");
		assertThat(rows.get(1).get(3)).isEqualTo("60,237,123,456.78");
		assertThat(rows.get(1).get(6)).isEqualTo("600余亿元");
		assertThat(rows.get(1).get(8)).isEqualTo("2024-12-31");
		assertThat(rows.get(2).get(3)).isEqualTo("140");
		assertThat(rows.get(3).get(1)).as("text, not evaluated to its link's label").isEqualTo(HOSTILE_LABEL);
	}

	private static byte[] xlsx() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PressWorkbook.write(VIEW, BY_COUNTY, out);
		return out.toByteArray();
	}

	private static byte[] csv() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PressCsv.write(VIEW, out);
		return out.toByteArray();
	}

	private static List<String> text(XSSFRow row) {
		List<String> cells = new java.util.ArrayList<>();
		row.forEach(cell -> cells.add(cell.getStringCellValue()));
		return cells;
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
			.anyMatch(d -> Files.isExecutable(Path.of(d, program)));
	}

	private static FigureValue figure(String id, String label, BigDecimal value, String unit, String display,
			String phrase, String phraseEn, List<FigureValue.Source> sources) {
		return new FigureValue(id, label, label + " (en)", AS_OF, 7, 3, value, unit, display, phrase, phraseEn,
				"verified", List.of(), sources);
	}

}
