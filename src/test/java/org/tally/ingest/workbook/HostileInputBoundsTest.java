package org.tally.ingest.workbook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.poi.ss.util.CellReference;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.support.PackageBuilder;

/**
 * Given more than thirty hostile files, read one after another in a child JVM of 256 MB
 * heap, each is refused with its reason or read safely (formula text stays text, nothing
 * outside the package is read), within seconds, and the JVM never runs out of memory. The
 * reasons of the older cases are specified in {@link HostileFilesTest}; this adds the
 * missing kinds and the bounds.
 */
class HostileInputBoundsTest {

	static final long PER_FILE_MILLIS = 30_000;

	@TempDir
	Path dir;

	final Map<Path, Predicate<String>> expected = new LinkedHashMap<>();

	final Map<Path, String> described = new LinkedHashMap<>();

	@Test
	void givenThirtyHostileFiles_eachIsRefusedOrReadSafelyInBoundedTimeAndA256MbHeap() throws Exception {
		refused(TestFiles.bytes(dir, "empty.xlsx", new byte[0]), "empty file");
		byte[] good = TestFiles.minimalXlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").toBytes();
		refused(TestFiles.bytes(dir, "truncated.xlsx", Arrays.copyOf(good, good.length / 2)),
				"damaged or truncated ZIP");
		refused(TestFiles.text(dir, "report.xlsx", "%PDF-1.7\n%%EOF\n", UTF_8), "looks like a PDF");
		refused(TestFiles.text(dir, "page.xls", "<html><body><table><tr><td>1</td></tr></table></body></html>", UTF_8),
				"HTML");
		refused(TestFiles.bytes(dir, "archive.csv", new byte[] { 0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2 }),
				"gzip");
		refused(TestFiles.encryptedXlsx(dir, "locked.xlsx", "长治2024"), "password-protected workbook");
		refused(TestFiles.encryptedXls(dir, "locked.xls", "长治2024"), "password-protected workbook");
		refused(TestFiles.minimalXlsx("")
			.put("xl/worksheets/sheet1.xml",
					"<worksheet xmlns=\"" + TestFiles.MAIN_NS + "\"><sheetData>" + " ".repeat(30_000_000)
							+ "</sheetData></worksheet>")
			.write(dir, "bomb.xlsx"), "zip bomb");
		TestFiles.Zip many = TestFiles.minimalXlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
		for (int i = 0; i < 1001; i++) {
			many.put("xl/media/junk" + i + ".bin", new byte[] { 1 });
		}
		refused(many.write(dir, "many-entries.xlsx"), "too many zip entries");
		String xxe = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
		refused(TestFiles.minimalXlsx(xxe, "<sheetData/>", null, null).write(dir, "xxe-workbook.xlsx"),
				"XML external entity");
		refused(sheet("xxe-sheet.xlsx", "<?xml version=\"1.0\"?>" + xxe + "<worksheet xmlns=\"" + TestFiles.MAIN_NS
				+ "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"),
				"XML external entity");
		refused(sheet("laughs-sheet.xlsx",
				"<?xml version=\"1.0\"?>" + PackageBuilder.billionLaughs("worksheet") + "<worksheet xmlns=\""
						+ TestFiles.MAIN_NS
						+ "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c>"
						+ "</row></sheetData></worksheet>"),
				"XML external entity");
		refused(TestFiles
			.minimalXlsx("", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>",
					"<si><t>x</t></si>", null)
			.put("xl/sharedStrings.xml",
					"<?xml version=\"1.0\"?>" + PackageBuilder.billionLaughs("sst") + "<sst xmlns=\""
							+ TestFiles.MAIN_NS + "\"><si><t>&lol9;</t></si></sst>")
			.write(dir, "laughs-shared-strings.xlsx"), "XML external entity");
		safe(TestFiles
			.minimalXlsx("", "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c></row></sheetData>", null,
					"<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs>")
			.put("xl/styles.xml",
					"<?xml version=\"1.0\"?>" + xxe + "<styleSheet xmlns=\"" + TestFiles.MAIN_NS
							+ "\"><cellXfs><xf numFmtId=\"&xxe;\"/></cellXfs></styleSheet>")
			.write(dir, "xxe-styles.xlsx"), "an entity in the styles part");
		safe(TestFiles.minimalXlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
			.put("[Content_Types].xml",
					"<?xml version=\"1.0\"?>" + xxe
							+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
							+ "<Default Extension=\"xml\" ContentType=\"&xxe;\"/></Types>")
			.write(dir, "xxe-content-types.xlsx"), "an entity in [Content_Types].xml");
		safe(TestFiles.minimalXlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
			.put("xl/_rels/workbook.xml.rels",
					"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + TestFiles.REL_NS
							+ "/worksheet\" Target=\"../../../../../../../../etc/passwd\"/>" + "</Relationships>")
			.write(dir, "rels-traversal.xlsx"), "a sheet relationship pointing at ../../etc/passwd");
		safe(TestFiles.minimalXlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
			.put("../../../../tmp/tally-zip-slip.txt", "written outside")
			.write(dir, "zip-slip.xlsx"), "a zip entry named ../../tmp/tally-zip-slip.txt");
		safe(hugeSharedStrings(), "3,000,000 distinct shared strings (27 M characters)");
		safe(emptyStyledRows(), "1,048,576 empty styled rows");
		read(TestFiles
			.minimalXlsx(
					"<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>" + "长".repeat(32_767) + "</t></is></c></row>")
			.write(dir, "cell-32767.xlsx"), "a cell of exactly 32,767 characters", v -> v.startsWith("OK 1 32767 "));
		refused(TestFiles
			.minimalXlsx(
					"<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>" + "长".repeat(32_768) + "</t></is></c></row>")
			.write(dir, "cell-32768.xlsx"), "cell text longer than 32767 characters in cell B4");
		read(formulaInjection(), "formula-injection text and a WEBSERVICE formula",
				v -> v.contains("=cmd|' /C calc'!A0|") && v.contains("=HYPERLINK(\"http://evil.example/\",\"点击\")|")
						&& v.contains("@SUM(A1)|") && v.contains("|5|") && !v.contains("WEBSERVICE"));
		refused(deepNesting(), "XML nested deeper than 256 elements in /xl/worksheets/sheet1.xml");
		refused(TestFiles.minimalXlsx("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>").write(dir, "column-xfe.xlsx"),
				"column");
		refused(mixedEncodingCsv(), "not valid");
		refused(TestFiles.bytes(dir, "nul.csv", new byte[4096]), "");
		refused(hugeLineCsv(), "cell text longer than 32767 characters");
		refused(TestFiles.text(dir, "open-quote.csv", "a,b\n1,\"never closed\n2,3\n", UTF_8),
				"unterminated quoted field");
		refused(new TestFiles.Zip().put("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
			.put("content.xml", "<office:document-content/>")
			.put("settings.xml", "<x/>")
			.put("META-INF/manifest.xml", "<m/>")
			.write(dir, "calc.xlsx"), "OpenDocument spreadsheet");
		refused(TestFiles.text(dir, "xml2003.xls",
				"<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
						+ "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>",
				UTF_8), "Excel 2003 XML");
		refused(tooManyRowsCsv(), "more than 1048576 rows");
		safe(TestFiles.text(dir, "utf16.csv", "项目编号,金额\nJC1,1\n", java.nio.charset.StandardCharsets.UTF_16LE,
				(byte) 0xFF, (byte) 0xFE), "UTF-16 with a byte-order mark");

		List<String> lines = probe();

		assertThat(expected).hasSizeGreaterThanOrEqualTo(30);
		Map<String, String[]> byFile = new LinkedHashMap<>();
		lines.stream()
			.filter(l -> !l.startsWith("peak-heap"))
			.map(l -> l.split("\t", -1))
			.forEach(cols -> byFile.put(cols[0], cols));
		SoftAssertions softly = new SoftAssertions();
		expected.forEach((file, check) -> {
			String[] cols = byFile.get(file.toString());
			softly.assertThat(cols).as(file.getFileName() + ": a verdict").isNotNull();
			if (cols != null) {
				softly.assertThat(cols[1]).as(file.getFileName() + " (" + described.get(file) + ")").matches(check);
				softly.assertThat(cols[1])
					.as(file.getFileName() + ": no crash")
					.doesNotStartWith("FAILED")
					.doesNotContain("root:x:0:0");
				softly.assertThat(Long.parseLong(cols[2]))
					.as(file.getFileName() + ": milliseconds")
					.isLessThan(PER_FILE_MILLIS);
			}
		});
		softly.assertThat(Path.of("/tmp/tally-zip-slip.txt")).as("nothing extracted outside").doesNotExist();
		softly.assertAll();
	}

	@Test
	void givenOneRowOf16384InlineStringsOf32000Characters_itIsRefusedAsRowTooLargeWithoutRunningOutOfMemory()
			throws Exception {
		refused(oneHugeRow(), "row too large");

		List<String> lines = probe();

		assertThat(lines).as("the child's whole output").noneMatch(l -> l.contains("OutOfMemoryError"));
		SoftAssertions softly = new SoftAssertions();
		expected.forEach((file, check) -> softly.assertThat(lines.get(0))
			.as(file.getFileName() + ": refused as row too large")
			.startsWith(file + "\tREFUSED row too large"));
		softly.assertAll();
	}

	/**
	 * 16,384 inline strings of 32,000 characters: about 500 M characters, each cell
	 * within the cell limit. The first cells are random letters, so that the archive's
	 * inflate ratio stays above POI's zip-bomb threshold for longer than a 256 MB heap
	 * would last; the rest repeat one letter, so that the file stays a few megabytes.
	 */
	private Path oneHugeRow() {
		char[] repeated = new char[32_000];
		Arrays.fill(repeated, 'x');
		char[] random = new char[32_000];
		Random letters = new Random(16);
		return TestFiles.minimalXlsx("").write(dir, "one-huge-row.xlsx", "xl/worksheets/sheet1.xml", out -> {
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + TestFiles.MAIN_NS
					+ "\"><sheetData><row r=\"1\">");
			for (int column = 0; column < 16_384; column++) {
				char[] text = repeated;
				if (column < 200) {
					for (int i = 0; i < random.length; i++) {
						random[i] = (char) ('a' + letters.nextInt(26));
					}
					text = random;
				}
				out.write("<c r=\"" + CellReference.convertNumToColString(column) + "1\" t=\"inlineStr\"><is><t>");
				out.write(text);
				out.write("</t></is></c>");
			}
			out.write("</row></sheetData></worksheet>");
		});
	}

	private List<String> probe() throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), HostileReadProbe.class.getName()));
		expected.keySet().forEach(f -> command.add(f.toString()));
		Path out = dir.resolve("probe.out");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
		boolean ended = process.waitFor(5, TimeUnit.MINUTES);
		if (!ended) {
			process.destroyForcibly();
		}
		List<String> lines = Files.readAllLines(out, UTF_8);
		assertThat(ended).as("the child JVM ends within five minutes: " + lines).isTrue();
		assertThat(process.exitValue()).as("exit status; output: " + lines).isZero();
		String[] peak = lines.stream().filter(l -> l.startsWith("peak-heap")).findFirst().orElseThrow().split("\t");
		assertThat(Long.parseLong(peak[2])).as("max heap").isLessThanOrEqualTo(256L << 20);
		System.out.println("hostile-input probe: " + expected.size() + " files, old-generation peak "
				+ (Long.parseLong(peak[1]) >> 20) + " MB, max heap " + (Long.parseLong(peak[2]) >> 20) + " MB");
		lines.forEach(l -> System.out.println("  " + (l.length() > 220 ? l.substring(0, 220) + "…" : l)));
		return lines;
	}

	private void refused(Path file, String reasonPart) {
		read(file, "refused: " + reasonPart, v -> v.startsWith("REFUSED ") && v.contains(reasonPart));
	}

	/**
	 * Either refused with a reason or read: what matters is bounded time and memory, and
	 * no leak.
	 */
	private void safe(Path file, String what) {
		read(file, what, v -> v.startsWith("REFUSED ") || v.startsWith("OK "));
	}

	private void read(Path file, String what, Predicate<String> check) {
		expected.put(file, check);
		described.put(file, what);
	}

	private Path sheet(String name, String sheetXml) {
		return TestFiles.minimalXlsx("").put("xl/worksheets/sheet1.xml", sheetXml).write(dir, name);
	}

	private Path hugeSharedStrings() {
		StringBuilder sst = new StringBuilder(3_000_000 * 24);
		for (int i = 0; i < 3_000_000; i++) {
			sst.append("<si><t>项目").append(i).append("</t></si>");
		}
		return TestFiles
			.minimalXlsx("", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>2999999</v></c></row></sheetData>",
					sst.toString(), null)
			.write(dir, "huge-shared-strings.xlsx");
	}

	private Path emptyStyledRows() {
		StringBuilder rows = new StringBuilder(1_048_576 * 40);
		for (int r = 1; r <= 1_048_576; r++) {
			rows.append("<row r=\"").append(r).append("\" s=\"1\" customFormat=\"1\"/>");
		}
		return TestFiles
			.minimalXlsx("", "<sheetData>" + rows + "</sheetData>", null,
					"<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>")
			.write(dir, "empty-styled-rows.xlsx");
	}

	private Path formulaInjection() {
		String[] texts = { "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example/\",\"点击\")", "+1+1", "-2+3",
				"@SUM(A1)" };
		StringBuilder sst = new StringBuilder();
		StringBuilder cells = new StringBuilder();
		for (int i = 0; i < texts.length; i++) {
			sst.append("<si><t>").append(texts[i].replace("&", "&amp;").replace("\"", "&quot;")).append("</t></si>");
			cells.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"s\"><v>").append(i).append("</v></c>");
		}
		cells.append(
				"<c r=\"F1\"><f>WEBSERVICE(\"http://evil.example/\")+0</f><v>5</v></c><c r=\"G1\" t=\"inlineStr\"><is><t>end</t></is></c>");
		return TestFiles
			.minimalXlsx("", "<sheetData><row r=\"1\">" + cells + "</row></sheetData>", sst.toString(), null)
			.write(dir, "formula-injection.xlsx");
	}

	private Path deepNesting() {
		return sheet("deep.xlsx", "<worksheet xmlns=\"" + TestFiles.MAIN_NS + "\"><sheetData>" + nested(200_000)
				+ "</sheetData></worksheet>");
	}

	/**
	 * Distinct element names, so that the part compresses like real data rather than like
	 * a bomb.
	 */
	private static String nested(int depth) {
		StringBuilder open = new StringBuilder();
		java.util.ArrayDeque<String> close = new java.util.ArrayDeque<>();
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < depth; i++) {
			String name = "e" + Integer.toString(random.nextInt(1 << 30), 36);
			open.append('<').append(name).append('>');
			close.push("</" + name + ">");
		}
		close.forEach(open::append);
		return open.toString();
	}

	private Path mixedEncodingCsv() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write("项目编号,北京医院,所在县区\r\n".getBytes(Charset.forName("GB18030")));
		for (int i = 0; i < 5; i++) {
			out.write("JC2023-0001,北京朝阳医院,潞州区\r\n".getBytes(UTF_8));
			out.write("JC2023-0001,北京安贞医院,黎城县\r\n".getBytes(Charset.forName("GB18030")));
		}
		return TestFiles.bytes(dir, "mixed-encoding.csv", out.toByteArray());
	}

	private Path hugeLineCsv() throws IOException {
		Path f = dir.resolve("huge-line.csv");
		try (OutputStream out = Files.newOutputStream(f)) {
			out.write("a,b\n1,".getBytes(UTF_8));
			byte[] chunk = new byte[1 << 20];
			Arrays.fill(chunk, (byte) 'z');
			for (int i = 0; i < 40; i++) {
				out.write(chunk);
			}
		}
		return f;
	}

	private Path tooManyRowsCsv() throws IOException {
		Path f = dir.resolve("rows.csv");
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f))) {
			out.write("a,b\n".getBytes(UTF_8));
			byte[] line = "1,2\n".getBytes(UTF_8);
			for (int i = 0; i < 1_048_577; i++) {
				out.write(line);
			}
		}
		return f;
	}

}
