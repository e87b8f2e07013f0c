package org.tally.ingest.workbook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Given a workbook built to exhaust the heap through what a reader holds whole (a row, a
 * package part, the sheet list, the number formats, a legacy .xls), it is refused with a
 * reason naming the cap, at the default limits and before the whole thing is built.
 */
class ReadCapsTest {

	/** Just past the default row cap, in cells of 30,000 characters: 35 cells. */
	static final int CELLS_PAST_THE_ROW_CAP = 36;

	@TempDir
	Path dir;

	final Random random = new Random(2024);

	@Test
	void givenAnXlsxRowOverAMillionCharacters_itIsRefusedAsRowTooLargeNamingRowAndCell() {
		StringBuilder row = new StringBuilder("<row r=\"3\">");
		for (int column = 0; column < CELLS_PAST_THE_ROW_CAP; column++) {
			row.append("<c r=\"")
				.append(CellReference.convertNumToColString(column))
				.append("3\" t=\"inlineStr\"><is><t>")
				.append(letters(30_000))
				.append("</t></is></c>");
		}
		Path f = TestFiles.minimalXlsx(row.append("</row>").toString()).write(dir, "wide-row.xlsx");

		refused(readAll(f), "row too large: more than 1048576 characters in row 3 (reached in cell AI3)");
	}

	@Test
	void givenACsvRowOverAMillionCharacters_itIsRefusedAsRowTooLarge() {
		StringBuilder csv = new StringBuilder("a,b\n");
		for (int column = 0; column < CELLS_PAST_THE_ROW_CAP; column++) {
			csv.append(column == 0 ? "" : ",").append(letters(30_000));
		}
		Path f = TestFiles.text(dir, "wide-row.csv", csv.append('\n').toString(), UTF_8);

		refused(readAll(f), "row too large: more than 1048576 characters in row 2 (reached in cell AI2)");
	}

	@Test
	void givenAnXlsRowOverAMillionCharacters_itIsRefusedAsRowTooLarge() {
		Path f = TestFiles.xls(dir, "wide-row.xls", wb -> {
			var row = wb.createSheet("台账").createRow(0);
			for (int column = 0; column < CELLS_PAST_THE_ROW_CAP; column++) {
				row.createCell(column).setCellValue(letters(30_000));
			}
		});

		refused(readAll(f), "row too large: more than 1048576 characters in row 1 (reached in cell AI1)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml",
			"xl/styles.xml" })
	void givenAPackagePartOverEightMegabytes_itIsRefusedNamingThePart(String part) {
		TestFiles.Zip zip = TestFiles.minimalXlsx("",
				"<sheetData><row r=\"1\"><c r=\"A1\" s=\"0\"><v>1</v></c></row></sheetData>", null,
				"<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs>");
		byte[] xml = zip.entry(part);
		// A comment of random letters right after the root's start tag: legal in every
		// part, and it does not compress like a zip bomb.
		String text = new String(xml, UTF_8);
		int root = text.indexOf('>', text.indexOf("?>") + 2) + 1;
		Path f = zip.put(part, text.substring(0, root) + "<!--" + letters(9 << 20) + "-->" + text.substring(root))
			.write(dir, "big-part.xlsx");

		refused(readAll(f), "package part " + part + " larger than 8388608 bytes");
	}

	@Test
	void givenAnXlsxWithMoreThanAThousandSheets_itIsRefused() {
		StringBuilder sheets = new StringBuilder();
		for (int i = 1; i <= 1001; i++) {
			sheets.append("<sheet name=\"s").append(i).append("\" sheetId=\"").append(i).append("\" r:id=\"rId1\"/>");
		}
		TestFiles.Zip zip = TestFiles.minimalXlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
		String workbook = new String(zip.entry("xl/workbook.xml"), UTF_8)
			.replace("<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>", sheets.toString());
		Path f = zip.put("xl/workbook.xml", workbook).write(dir, "sheets.xlsx");

		refused(readAll(f), "more than 1000 sheets in /xl/workbook.xml");
		refused(() -> Workbooks.visibleSheetNames(f), "more than 1000 sheets in /xl/workbook.xml");
	}

	@Test
	void givenAnXlsWithMoreThanAThousandSheets_itIsRefused() {
		Path f = TestFiles.xls(dir, "sheets.xls", wb -> {
			for (int i = 1; i <= 1001; i++) {
				wb.createSheet("s" + i);
			}
		});

		refused(readAll(f), "more than 1000 sheets in the workbook");
		refused(() -> Workbooks.visibleSheetNames(f), "more than 1000 sheets in the workbook");
	}

	@Test
	void givenMoreThan65536CustomNumberFormats_theXlsxIsRefused() {
		StringBuilder formats = new StringBuilder("<numFmts>");
		for (int i = 0; i <= 65_536; i++) {
			formats.append("<numFmt numFmtId=\"")
				.append(164 + i)
				.append("\" formatCode=\"0.00&quot;")
				.append(letters(6))
				.append("&quot;\"/>");
		}
		Path f = styled(formats.append("</numFmts><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs>").toString());

		refused(readAll(f), "more than 65536 number formats in /xl/styles.xml");
	}

	@Test
	void givenMoreThan65536CellFormats_theXlsxIsRefused() {
		StringBuilder xfs = new StringBuilder("<cellXfs>");
		for (int i = 0; i <= 65_536; i++) {
			xfs.append("<xf numFmtId=\"0\" fontId=\"").append(random.nextInt(1 << 20)).append("\"/>");
		}
		Path f = styled(xfs.append("</cellXfs>").toString());

		refused(readAll(f), "more than 65536 cell formats (cellXfs) in /xl/styles.xml");
	}

	@Test
	void givenAnXlsOverFiftyMegabytes_itIsRefusedBeforeHssfLoadsIt() throws Exception {
		Path small = TestFiles.xls(dir, "small.xls",
				wb -> wb.createSheet("台账").createRow(0).createCell(0).setCellValue(1));
		Path f = dir.resolve("padded.xls");
		try (InputStream in = Files.newInputStream(small);
				POIFSFileSystem fs = new POIFSFileSystem(in);
				OutputStream out = Files.newOutputStream(f)) {
			// An embedded object is how a real workbook grows this large.
			fs.createDocument(new ByteArrayInputStream(new byte[51 << 20]), "Ole10Native");
			fs.writeFilesystem(out);
		}
		long size = Files.size(f);

		refused(readAll(f), "legacy .xls file too large: " + size + " bytes (limit 52428800); save it as .xlsx");
		refused(() -> Workbooks.visibleSheetNames(f),
				"legacy .xls file too large: " + size + " bytes (limit 52428800); save it as .xlsx");
	}

	private Path styled(String styles) {
		return TestFiles
			.minimalXlsx("", "<sheetData><row r=\"1\"><c r=\"A1\" s=\"0\"><v>1</v></c></row></sheetData>", null, styles)
			.write(dir, "styles.xlsx");
	}

	private String letters(int n) {
		char[] text = new char[n];
		for (int i = 0; i < n; i++) {
			text[i] = (char) ('a' + random.nextInt(26));
		}
		return new String(text);
	}

	private static ThrowingCallable readAll(Path f) {
		return () -> TestFiles.readAll(f);
	}

	private static void refused(ThrowingCallable read, String reason) {
		assertThatThrownBy(read).isInstanceOfSatisfying(UnreadableFileException.class,
				e -> assertThat(e.reason()).isEqualTo(reason));
	}

}
