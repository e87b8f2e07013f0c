package org.tally.ingest.workbook.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tally's own reader read against an independent one, cell by cell: every typed value
 * (number, date, text, boolean, error, blank) of every sheet, hidden ones included, must
 * be the one Apache POI's usermodel reads (Commons CSV for delimited text), or fall under
 * a named {@link Difference} with its reason. The corpus: every workbook in the
 * repository, workbooks covering each cell kind and quirk (written by POI, written as raw
 * XML, Strict OOXML) and the same re-saved by LibreOffice.
 */
class ReaderAgreesWithPoiTest {

	private static final Charset GB18030 = Charset.forName("GB18030");

	@TempDir
	Path dir;

	@Test
	void givenEveryWorkbookInTheRepository_tallyReadsWhatPoiReads() {
		List<Path> files = repositoryWorkbooks();
		assertThat(files).as("seed and fixture workbooks").hasSizeGreaterThanOrEqualTo(9);
		Comparison comparison = Differential.compare(files);
		assertAgreement(comparison);
		assertThat(comparison.outcomes()).hasSizeGreaterThan(1_000);
	}

	@Test
	void givenWorkbooksPoiWritesWithEveryCellKind_tallyReadsWhatPoiReads() {
		Path x1900 = PoiQuirkWorkbook.xlsx(dir.resolve("poi-1900.xlsx"), false);
		Path x1904 = PoiQuirkWorkbook.xlsx(dir.resolve("poi-1904.xlsx"), true);
		Path h1900 = PoiQuirkWorkbook.xls(dir.resolve("poi-1900.xls"), false);
		Path h1904 = PoiQuirkWorkbook.xls(dir.resolve("poi-1904.xls"), true);
		Comparison c = Differential.compare(List.of(x1900, x1904, h1900, h1904));
		assertAgreement(c);
		String kinds = PoiQuirkWorkbook.SHEET;
		for (Path f : List.of(x1900, h1900)) {
			readAlike(c, f, kinds, "A5", Typed.date(new BigDecimal("45426"), "2024-05-14"));
			readAlike(c, f, kinds, "C2", Typed.text("line\nbreak\r\nend"));
			readAlike(c, f, kinds, "A3", Typed.text("红色 bold 正常"));
			readAlike(c, f, kinds, "D4", Typed.error("#DIV/0!"));
			readAlike(c, f, kinds, "A4", Typed.bool(true));
			readAlike(c, f, kinds, "B7", Typed.text("n=6023745.5"));
			readAlike(c, f, kinds, "A9", Typed.text("merged A9:C10"));
			readAlike(c, f, kinds, "A11", Typed.text("hidden row"));
			readAlike(c, f, "hidden", "A1", Typed.text("on a hidden sheet"));
			readAlike(c, f, "very hidden", "D4", Typed.number(new BigDecimal(4)));
			differs(c, f, kinds, "B6", Difference.EAST_ASIAN_BUILTIN_DATE_FORMAT);
			differs(c, f, kinds, "D5", Difference.DATE_SERIAL_WITHOUT_A_REAL_DAY);
		}
		for (Path f : List.of(x1904, h1904)) {
			readAlike(c, f, kinds, "A5", Typed.date(new BigDecimal("45426"), "2028-05-15"));
			readAlike(c, f, kinds, "D5", Typed.date(new BigDecimal("60"), "1904-03-01"));
		}
		readAlike(c, x1900, "edges", "XFD1", Typed.text("last column"));
		readAlike(c, x1900, "edges", "A1048576", Typed.text("last row"));
		readAlike(c, x1900, "edges", "XFD1048576", Typed.number(new BigDecimal("1048576")));
		readAlike(c, h1900, "edges", "IV65536", Typed.number(new BigDecimal("65536")));
		differs(c, x1900, kinds, "A8", Difference.FORMULA_WITHOUT_CACHED_VALUE);
		differs(c, x1900, kinds, "H2", Difference.EMPTY_TEXT_IS_BLANK);
		differs(c, h1900, kinds, "D1", Difference.XLS_FIFTEEN_SIGNIFICANT_DIGITS);
	}

	@Test
	void givenRawXmlWorkbooksWithEveryQuirk_tallyReadsWhatPoiReads() {
		Path w1900 = RawQuirkWorkbook.write(dir.resolve("raw-1900.xlsx"), false, false);
		Path w1904 = RawQuirkWorkbook.write(dir.resolve("raw-1904.xlsx"), false, true);
		Comparison c = Differential.compare(List.of(w1900, w1904));
		assertAgreement(c);
		assertRawQuirks(c, w1900);
		readAlike(c, w1900, RawQuirkWorkbook.SHEET, "B13", Typed.date(new BigDecimal("45426.75"), "2024-05-14"));
		readAlike(c, w1904, RawQuirkWorkbook.SHEET, "B13", Typed.date(new BigDecimal("45426.75"), "2028-05-15"));
		readAlike(c, w1904, RawQuirkWorkbook.SHEET, "G13", Typed.date(BigDecimal.ZERO, "1904-01-01"));
	}

	@Test
	void givenAStrictOoxmlWorkbook_tallyReadsWhatPoiReadsInItsTransitionalTwin() {
		Path strict = RawQuirkWorkbook.write(dir.resolve("strict.xlsx"), true, false);
		Comparison c = Differential.compare(List.of(strict));
		assertAgreement(c);
		assertRawQuirks(c, strict);
	}

	@Test
	void givenTheQuirkWorkbooksResavedByLibreOffice_tallyReadsWhatPoiReads() throws IOException {
		List<Path> resaved;
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures/libreoffice-quirks"))) {
			resaved = files.filter(p -> !p.getFileName().toString().equals("VERSION")).sorted().toList();
		}
		assertThat(resaved).as("made by scripts/libreoffice-quirk-fixtures.sh").hasSize(6);
		Comparison c = Differential.compare(resaved);
		assertAgreement(c);
		for (Path f : resaved) {
			boolean poi = f.getFileName().toString().contains("quirks-poi");
			readAlike(c, f, poi ? PoiQuirkWorkbook.SHEET : RawQuirkWorkbook.SHEET, poi ? "A9" : "C2",
					poi ? Typed.text("merged A9:C10") : Typed.text("東京"));
		}
	}

	@Test
	void givenCsvFilesInEveryEncodingAndDialect_tallyReadsWhatCommonsCsvReads() throws IOException {
		Comparison c = new Comparison();
		String rows = "项目编号,名称,金额\r\nJC-001,\"逗号, 在内\",\"1,234.50\"\r\nJC-002,\"引号\"\"内\"\"\",\r\n"
				+ ",\"换行\r\n在内\",  7 \r\n\r\n=1+1,全角１２３,-0.5\r\nlast,,\r\n";
		csv(c, write("utf8-bom.csv", "\uFEFF" + rows, StandardCharsets.UTF_8), StandardCharsets.UTF_8, ',', false);
		csv(c, write("utf8-lf.csv", rows.replace("\r\n", "\n"), StandardCharsets.UTF_8), StandardCharsets.UTF_8, ',',
				false);
		csv(c, write("gb18030.csv", rows.replace(',', ';'), GB18030), GB18030, ';', false);
		csv(c, write("utf16.tsv", "\uFEFF" + rows.replace(',', '\t'), StandardCharsets.UTF_16LE),
				StandardCharsets.UTF_16LE, '\t', false);
		csv(c, write("sep-line.csv", "sep=;\r\n" + rows.replace(',', ';'), StandardCharsets.UTF_8),
				StandardCharsets.UTF_8, ';', true);
		try (Stream<Path> seeds = Files.walk(Path.of("seeds/inbox"))) {
			for (Path seed : seeds.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
				csv(c, seed, GB18030, ',', false);
			}
		}
		assertAgreement(c);
		assertThat(c.outcomes()).hasSizeGreaterThan(300);
		Path bom = dir.resolve("utf8-bom.csv");
		readAlike(c, bom, "utf8-bom", "B2", Typed.text("逗号, 在内"));
		readAlike(c, bom, "utf8-bom", "B4", Typed.text("换行\r\n在内"));
		readAlike(c, bom, "utf8-bom", "A6", Typed.text("=1+1"));
		readAlike(c, dir.resolve("sep-line.csv"), "sep-line", "A1", Typed.text("项目编号"));
	}

	private void csv(Comparison c, Path file, Charset charset, char delimiter, boolean sepLine) {
		Reading reference = CommonsCsvReader.read(file, charset, delimiter, sepLine);
		Reading tally = TallyReader.read(file, List.copyOf(reference.sheets().keySet()));
		c.add(file.toString(), "csv", tally, reference);
	}

	private Path write(String name, String content, Charset charset) throws IOException {
		return Files.write(dir.resolve(name), content.getBytes(charset));
	}

	/** The raw quirks read alike, each at its cell (see RawQuirkWorkbook). */
	private static void assertRawQuirks(Comparison c, Path f) {
		String q = RawQuirkWorkbook.SHEET;
		readAlike(c, f, q, "A1", Typed.number(new BigDecimal("6023745.5")));
		readAlike(c, f, q, "B2", Typed.text("红 bold"));
		readAlike(c, f, q, "C2", Typed.text("東京"));
		readAlike(c, f, q, "D2", Typed.text("都"));
		readAlike(c, f, q, "E2", Typed.text("a\rb\tcé"));
		readAlike(c, f, q, "F2", Typed.text("_x0041_"));
		readAlike(c, f, q, "I2", Typed.text("A"));
		readAlike(c, f, q, "J2", Typed.text("_x\uff10\uff10\uff14\uff11_"));
		readAlike(c, f, q, "B3", Typed.text("rich inline"));
		readAlike(c, f, q, "C3", Typed.text("大阪"));
		readAlike(c, f, q, "D3", Typed.text("line\nbreak"));
		readAlike(c, f, q, "C4", Typed.error("#N/A"));
		readAlike(c, f, q, "B5", Typed.text("ab"));
		readAlike(c, f, q, "C5", Typed.bool(true));
		readAlike(c, f, q, "D5", Typed.error("#DIV/0!"));
		readAlike(c, f, q, "H5", Typed.text("A"));
		readAlike(c, f, q, "A6", Typed.number(new BigDecimal("12047491")));
		readAlike(c, f, q, "B6", Typed.number(new BigDecimal("0.002")));
		readAlike(c, f, q, "A7", Typed.number(new BigDecimal("7")));
		readAlike(c, f, q, "B7", Typed.text("plain"));
		readAlike(c, f, q, "E9", Typed.number(new BigDecimal("5")));
		readAlike(c, f, q, "A10", Typed.text("hidden row"));
		readAlike(c, f, q, "A11", Typed.text("merged"));
		readAlike(c, f, q, "A15", Typed.number(BigDecimal.ONE));
		readAlike(c, f, "hidden", "A1", Typed.text("on a hidden sheet"));
		readAlike(c, f, "very hidden", "B2", Typed.number(new BigDecimal(3)));
		readAlike(c, f, "edges", "XFD1", Typed.number(new BigDecimal("16384")));
		readAlike(c, f, "edges", "XFD1048576", Typed.text("last cell"));
		differs(c, f, q, "C1", Difference.DIGITS_BEYOND_DOUBLE);
		differs(c, f, q, "G2", Difference.EMPTY_TEXT_IS_BLANK);
		differs(c, f, q, "E5", Difference.FORMULA_WITHOUT_CACHED_VALUE);
		differs(c, f, q, "C6", Difference.FORMULA_WITHOUT_CACHED_VALUE);
		differs(c, f, q, "C13", Difference.EAST_ASIAN_BUILTIN_DATE_FORMAT);
		differs(c, f, q, "E13", Difference.DATE_SERIAL_WITHOUT_A_REAL_DAY);
	}

	/**
	 * Both readers hold the cell and read it alike; {@code expected} (unless null) is its
	 * value.
	 */
	private static void readAlike(Comparison c, Path file, String sheet, String ref, Typed expected) {
		Comparison.Outcome o = c.at(file.toString(), sheet, ref);
		assertThat(o).as("%s [%s]!%s compared", file.getFileName(), sheet, ref).isNotNull();
		assertThat(o.difference()).as(o.toString()).isNull();
		assertThat(o.agreed()).as(o.toString()).isTrue();
		if (expected != null) {
			assertThat(o.tally().sameAs(expected)).as(o + " expected " + expected).isTrue();
		}
	}

	private static void differs(Comparison c, Path file, String sheet, String ref, Difference expected) {
		Comparison.Outcome o = c.at(file.toString(), sheet, ref);
		assertThat(o).as("%s [%s]!%s compared", file.getFileName(), sheet, ref).isNotNull();
		assertThat(o.difference()).as(o.toString()).isEqualTo(expected);
	}

	static void assertAgreement(Comparison comparison) {
		System.out.println("differential: " + comparison.summary());
		assertThat(comparison.sheetMismatches()).as("sheet lists").isEmpty();
		assertThat(comparison.disagreements()).as(comparison.describeDisagreements()).isEmpty();
	}

	private static List<Path> repositoryWorkbooks() {
		List<Path> out = new ArrayList<>();
		for (Path root : List.of(Path.of("seeds"), Path.of("src/test/resources"))) {
			try (Stream<Path> walk = Files.walk(root)) {
				walk.filter(Files::isRegularFile).filter(p -> {
					String n = p.getFileName().toString().toLowerCase();
					return n.endsWith(".xlsx") || n.endsWith(".xls");
				}).sorted().forEach(out::add);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out;
	}

}
