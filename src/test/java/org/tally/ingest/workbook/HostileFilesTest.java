package org.tally.ingest.workbook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hostile or broken file ends as one UnreadableFileException with a clear reason.
 */
class HostileFilesTest {

	@TempDir
	Path dir;

	private static void refused(ThrowingCallable read, String reason) {
		assertThatThrownBy(read).isInstanceOfSatisfying(UnreadableFileException.class,
				e -> assertThat(e.reason()).isEqualTo(reason));
	}

	private static void refusedStartingWith(ThrowingCallable read, String reasonStart) {
		assertThatThrownBy(read).isInstanceOfSatisfying(UnreadableFileException.class,
				e -> assertThat(e.reason()).startsWith(reasonStart));
	}

	private static ThrowingCallable readAll(Path f) {
		return () -> TestFiles.readAll(f);
	}

	private static ThrowingCallable readAll(Path f, ReadLimits limits) {
		return () -> TestFiles.readAll(f, SheetSelector.first(), limits);
	}

	private Path small() {
		return TestFiles.xlsx(dir, "ok.xlsx", wb -> {
			for (int i = 0; i < 50; i++) {
				wb.createSheet("s" + i).createRow(0).createCell(0).setCellValue("x" + i);
			}
		});
	}

	@Test
	void givenAnEmptyFile_itIsRefusedWithAClearReason() {
		Path f = TestFiles.bytes(dir, "empty.xlsx", new byte[0]);
		refused(readAll(f), "empty file (0 bytes)");
		assertThatThrownBy(() -> TestFiles.readAll(f)).isInstanceOfSatisfying(UnreadableFileException.class, e -> {
			assertThat(e.file()).isEqualTo(f);
			assertThat(e.sheet()).isNull();
			assertThat(e.getMessage()).isEqualTo("empty.xlsx: empty file (0 bytes)");
		});
	}

	@Test
	void givenAMissingFile_itIsRefusedWithAClearReason() {
		refused(readAll(dir.resolve("nope.xlsx")), "file not found");
	}

	@Test
	void givenATruncatedZip_itIsRefusedWithAClearReason() throws Exception {
		byte[] whole = Files.readAllBytes(small());
		Path f = TestFiles.bytes(dir, "cut.xlsx", Arrays.copyOf(whole, whole.length / 2));
		refusedStartingWith(readAll(f), "damaged or truncated ZIP archive");
	}

	@Test
	void givenARenamedPdfOrPng_itIsRefusedWithAClearReason() {
		refused(readAll(TestFiles.bytes(dir, "report.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(UTF_8))),
				"not a spreadsheet (looks like a PDF)");
		refused(readAll(
				TestFiles.bytes(dir, "chart.xls", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 })),
				"not a spreadsheet (looks like a PNG image)");
	}

	@Test
	void givenAnHtmlPageNamedXls_itIsRefusedWithAClearReason() {
		refusedStartingWith(
				readAll(TestFiles.text(dir, "export.xls",
						"<html><body><table><tr><td>1</td></tr></table></body></html>", UTF_8)),
				"not a spreadsheet (an HTML page");
	}

	@Test
	void givenPlainTextNamedXls_itIsRefusedWithAClearReason() {
		refused(readAll(TestFiles.text(dir, "data.xls", "a\tb\n1\t2\n", UTF_8)),
				"not a spreadsheet: plain text with extension '.xls' (only .csv, .txt and .tsv are read as delimited text)");
	}

	@ParameterizedTest(name = "given a password-protected {0}, it is refused with a clear reason")
	@ValueSource(strings = { "locked.xlsx", "locked.xls" })
	void givenAPasswordProtectedWorkbook_itIsRefusedWithAClearReason(String name) throws Exception {
		Path f = name.endsWith(".xlsx") ? TestFiles.encryptedXlsx(dir, name, "pw")
				: TestFiles.encryptedXls(dir, name, "pw");
		refused(readAll(f), "password-protected workbook");
	}

	@ParameterizedTest(name = "given an OLE container {0} holding {1}, it is refused: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			old.xls  | Book         | Excel 5.0/95 (or older) workbook is too old; save it as .xlsx
			memo.xls | WordDocument | not a spreadsheet (looks like a Word document)
			""")
	void givenAnOleContainerThatIsNoExcel97Workbook_itIsRefusedWithAClearReason(String name, String stream,
			String reason) throws Exception {
		refused(readAll(TestFiles.oleContainer(dir, name, stream)), reason);
	}

	@Test
	void givenAZipBomb_itIsRefusedWithAClearReason() {
		byte[] spaces = new byte[8 * 1024 * 1024];
		Arrays.fill(spaces, (byte) ' ');
		ByteArrayOutputStream sheet = new ByteArrayOutputStream();
		sheet.writeBytes(("<worksheet xmlns=\"" + TestFiles.MAIN_NS + "\"><sheetData>").getBytes(UTF_8));
		sheet.writeBytes(spaces);
		sheet.writeBytes("</sheetData></worksheet>".getBytes(UTF_8));
		Path f = TestFiles.minimalXlsx("").put("xl/worksheets/sheet1.xml", sheet.toByteArray()).write(dir, "bomb.xlsx");
		assertThatThrownBy(() -> TestFiles.readAll(f)).isInstanceOfSatisfying(UnreadableFileException.class, e -> {
			assertThat(e.reason()).matches("zip bomb suspected: compression ratio 0\\.00\\d+ below the minimum 0\\.01"
					+ " in xl/worksheets/sheet1\\.xml");
			assertThat(e.sheet()).isEqualTo("Sheet1");
		});
	}

	@Test
	void givenTooManyZipEntries_itIsRefusedWithAClearReason() {
		TestFiles.Zip zip = TestFiles.minimalXlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
		for (int i = 0; i < 1001; i++) {
			zip.put("xl/media/junk" + i + ".bin", new byte[] { 1 });
		}
		refused(readAll(zip.write(dir, "many.xlsx")), "too many zip entries (more than 1000): not a normal workbook");
	}

	@Test
	void givenAnExternalEntityInTheWorkbookPart_itIsRefusedWithAClearReason() {
		Path f = TestFiles
			.minimalXlsx("<!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "<sheetData/>", null,
					null)
			.write(dir, "xxe.xlsx");
		refused(readAll(f), "XML external entity / DTD in /xl/workbook.xml: refused");
	}

	@Test
	void givenBillionLaughsInASheet_itIsRefusedWithAClearReason() {
		String laughs = "<!DOCTYPE worksheet [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
				+ "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
		Path f = TestFiles.minimalXlsx("")
			.put("xl/worksheets/sheet1.xml",
					"<?xml version=\"1.0\"?>" + laughs + "<worksheet xmlns=\"" + TestFiles.MAIN_NS
							+ "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
							+ "<is><t>&lol3;</t></is></c></row></sheetData></worksheet>")
			.write(dir, "laughs.xlsx");
		refused(readAll(f), "XML external entity / DTD in /xl/worksheets/sheet1.xml: refused");
	}

	@Test
	void givenAFileOverTheSizeLimit_itIsRefusedWithAClearReason() throws Exception {
		Path f = small();
		long size = Files.size(f);
		refused(readAll(f, ReadLimits.defaults().withMaxFileBytes(1000)),
				"file too large: " + size + " bytes (limit 1000)");
	}

	@Test
	void givenACellOverTheTextLimit_itIsRefusedWithAClearReason() {
		Path f = TestFiles.xlsx(dir, "long.xlsx", wb -> {
			var s = wb.createSheet();
			s.createRow(0).createCell(0).setCellValue("short");
			s.createRow(1).createCell(1).setCellValue("x".repeat(11));
		});
		refused(readAll(f, ReadLimits.defaults().withMaxCellChars(10)),
				"cell text longer than 10 characters in shared string #1");
		Path inline = TestFiles
			.minimalXlsx("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + "y".repeat(11) + "</t></is></c></row>")
			.write(dir, "inline-long.xlsx");
		refused(readAll(inline, ReadLimits.defaults().withMaxCellChars(10)),
				"cell text longer than 10 characters in cell B2");
		Path csv = TestFiles.text(dir, "long.csv", "a,b\n1," + "z".repeat(11) + "\n", UTF_8);
		refused(readAll(csv, ReadLimits.defaults().withMaxCellChars(10)),
				"cell text longer than 10 characters in cell B2");
		Path quoted = TestFiles.text(dir, "long-quoted.csv", "a,b,c\n1,2,3\n,,\"" + "z\n".repeat(6) + "\"\n", UTF_8);
		refused(readAll(quoted, ReadLimits.defaults().withMaxCellChars(10)),
				"cell text longer than 10 characters in cell C3");
	}

	@Test
	void givenMoreRowsThanTheLimit_theFailureComesMidwayWithTheSheet() {
		Path f = TestFiles.xlsx(dir, "rows.xlsx", wb -> {
			var s = wb.createSheet("台账");
			for (int i = 0; i < 10; i++) {
				s.createRow(i).createCell(0).setCellValue(i);
			}
		});
		try (SheetCursor c = Workbooks.open(f, SheetSelector.first(), ReadLimits.defaults().withMaxRows(5))) {
			for (int i = 0; i < 5; i++) {
				assertThat(c.next().rowNumber()).isEqualTo(i + 1);
			}
			assertThatThrownBy(c::hasNext).isInstanceOfSatisfying(UnreadableFileException.class, e -> {
				assertThat(e.reason()).isEqualTo("more than 5 rows");
				assertThat(e.sheet()).isEqualTo("台账");
			});
		}
	}

	/**
	 * A sheet holds 1,048,576 rows (ReadLimits.DEFAULT_MAX_ROWS): a row numbered past it
	 * is refused at the default limits in one line naming the file and the sheet, not
	 * read.
	 */
	@Test
	void givenARowPastExcelsLastRowAtTheDefaultLimits_theOneLineErrorNamesTheFileAndTheSheet() {
		Path f = TestFiles
			.minimalXlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
					+ "<row r=\"1048577\"><c r=\"A1048577\"><v>2</v></c></row>")
			.write(dir, "too-long.xlsx");

		assertThatThrownBy(() -> TestFiles.readAll(f)).isInstanceOfSatisfying(UnreadableFileException.class,
				e -> assertThat(e.getMessage())
					.isEqualTo("too-long.xlsx [Sheet1]: row 1048577 beyond the limit of 1048576 rows")
					.doesNotContain("\n"));
	}

	@Test
	void givenAColumnBeyondTheLimit_itIsRefusedWithAClearReason() {
		Path f = TestFiles.minimalXlsx("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>").write(dir, "wide.xlsx");
		refused(readAll(f), "cell XFE1 beyond the limit of 16384 columns");
	}

	@Test
	void givenASheetCutOffMidway_earlierRowsArriveThenOneClearFailure() {
		Path f = TestFiles.minimalXlsx("")
			.put("xl/worksheets/sheet1.xml",
					"<worksheet xmlns=\"" + TestFiles.MAIN_NS
							+ "\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2")
			.write(dir, "cut-sheet.xlsx");
		try (SheetCursor c = Workbooks.open(f)) {
			assertThat(c.next().rowNumber()).isEqualTo(1);
			assertThatThrownBy(c::next).isInstanceOfSatisfying(UnreadableFileException.class,
					e -> assertThat(e.reason()).startsWith("malformed XML: "));
		}
	}

	@Test
	void givenGarbageWhereNumbersOrStringIndexesBelong_itIsRefusedWithAClearReason() {
		refused(readAll(
				TestFiles.minimalXlsx("<row r=\"1\"><c r=\"C1\"><v>12abc</v></c></row>").write(dir, "nan.xlsx")),
				"invalid number '12abc' in cell C1");
		refused(readAll(TestFiles
			.minimalXlsx("", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData>",
					"<si><t>only</t></si>", null)
			.write(dir, "sst.xlsx")), "shared string #7 missing (table has 1) in cell A1");
	}

	@Test
	void givenAnOfficeDocumentThatIsNotAWorkbook_itIsRefusedWithAClearReason() {
		Path docx = new TestFiles.Zip()
			.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
					+ "</Types>")
			.put("_rels/.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + TestFiles.REL_NS
							+ "/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
			.put("word/document.xml", "<document/>")
			.write(dir, "letter.xlsx");
		refused(readAll(docx), "not a spreadsheet (looks like a Word document)");
		Path zip = new TestFiles.Zip().put("readme.txt", "hello").write(dir, "archive.xlsx");
		refused(readAll(zip), "ZIP archive is not an Office document (no [Content_Types].xml)");
	}

	@Test
	void givenAnOpenDocumentSpreadsheet_itIsRefusedWithAClearReason() {
		Path ods = new TestFiles.Zip().put("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
			.put("content.xml", "<office:document-content/>")
			.put("settings.xml", "<x/>")
			.put("META-INF/manifest.xml", "<m/>")
			.write(dir, "calc.xlsx");
		refused(readAll(ods), "OpenDocument spreadsheet (.ods) is not supported; save it as .xlsx");
	}

	@Test
	void givenAnUnterminatedQuoteInACsv_itIsRefusedWithAClearReason() {
		Path f = TestFiles.text(dir, "open.csv", "a,b\n1,\"never closed\n2,3\n", UTF_8);
		refused(readAll(f), "unterminated quoted field (a '\"' is never closed) after record 1");
	}

	@Test
	void givenTextAfterAClosingQuoteInACsv_theCellIsNamed() {
		Path f = TestFiles.text(dir, "after-quote.csv", "a,b,c\n1,2,3\n4,\"abc\"def,6\n", UTF_8);
		refused(readAll(f),
				"text after a closing quote in cell B3 (a quoted field must end at a delimiter or the line's end)");
	}

	@Test
	void givenAHostileFile_visibleSheetNamesFailTheSameWay() {
		Path f = TestFiles.bytes(dir, "empty.xls", new byte[0]);
		assertThatThrownBy(() -> Workbooks.visibleSheetNames(f)).isInstanceOfSatisfying(UnreadableFileException.class,
				e -> assertThat(e.reason()).isEqualTo("empty file (0 bytes)"));
		assertThat(HSSFWorkbook.class).isNotNull();
	}

}
