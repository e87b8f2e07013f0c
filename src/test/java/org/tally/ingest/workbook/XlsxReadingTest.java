package org.tally.ingest.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tally.ingest.workbook.TestFiles.readAll;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.support.PackageBuilder;

class XlsxReadingTest {

	@TempDir
	Path dir;

	@Test
	void givenABlankCellBetweenTwoValues_theValuesKeepTheirColumns() {
		Path f = TestFiles.xlsx(dir, "sparse.xlsx", wb -> {
			Row r = wb.createSheet("s").createRow(0);
			r.createCell(0).setCellValue("a");
			r.createCell(2).setCellValue("c");
			wb.getSheet("s").createRow(4).createCell(5).setCellValue("f5");
		});
		List<RawRow> rows = readAll(f);
		assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 5);
		RawRow first = rows.get(0);
		assertThat(first.cells()).extracting(RawCell::column).containsExactly(0, 2);
		assertThat(first.cell(1)).isNull();
		assertThat(first.cell(2).value()).isEqualTo("c");
		assertThat(first.cell(2).reference(1)).isEqualTo("C1");
		assertThat(rows.get(1).cell(5).reference(5)).isEqualTo("F5");
	}

	@Test
	void givenNumbersInTheFileXml_theirExactTextIsKept() {
		RawRow row = rowsOfSheetXml("<row r=\"1\"><c r=\"A1\"><v>6023745.50</v></c><c r=\"B1\"><v>1.0E-3</v></c>"
				+ "<c r=\"C1\" t=\"n\"><v>123456789012345678</v></c><c r=\"D1\"><v>-0.1</v></c></row>")
			.get(0);
		assertThat(row.cells()).extracting(RawCell::value)
			.containsExactly("6023745.50", "1.0E-3", "123456789012345678", "-0.1");
		assertThat(row.cells()).extracting(RawCell::kind).containsOnly(CellKind.NUMBER);
	}

	@Test
	void givenNumbersWrittenByPoi_theyReadBackDigitForDigit() {
		Path f = TestFiles.xlsx(dir, "poi-n.xlsx", wb -> {
			Row r = wb.createSheet().createRow(0);
			r.createCell(0).setCellValue(6023745.5);
			r.createCell(1).setCellValue(110.0);
		});
		assertThat(readAll(f).get(0).cells()).extracting(RawCell::value).containsExactly("6023745.5", "110.0");
	}

	@Test
	void givenAn18DigitCodeStoredAsText_allDigitsSurvive() {
		Path f = TestFiles.xlsx(dir, "code.xlsx",
				wb -> wb.createSheet().createRow(0).createCell(0).setCellValue("110105199001011234"));
		RawCell c = readAll(f).get(0).cell(0);
		assertThat(c.kind()).isEqualTo(CellKind.TEXT);
		assertThat(c.value()).isEqualTo("110105199001011234");
	}

	@Test
	void givenEvaluatedFormulas_theirCachedValuesAreReadByCachedType() {
		Path f = TestFiles.xlsx(dir, "formula.xlsx", TestFiles::formulaRow);
		RawRow row = readAll(f).get(0);
		assertThat(row.cell(1)).isEqualTo(new RawCell(1, CellKind.NUMBER, "42.0", false, "General"));
		assertThat(row.cell(2)).isEqualTo(new RawCell(2, CellKind.TEXT, "n=21", false, "General"));
		assertThat(row.cell(3)).isEqualTo(new RawCell(3, CellKind.ERROR, "#DIV/0!", false, "General"));
		assertThat(row.cell(4)).isEqualTo(new RawCell(4, CellKind.BOOLEAN, "TRUE", false, "General"));
	}

	@Test
	void givenAFormulaNeverCalculated_itIsReportedWithoutValue() {
		assertThat(rowsOfSheetXml("<row r=\"3\"><c r=\"B3\"><f>SUM(A1:A2)</f></c></row>").get(0).cell(1))
			.isEqualTo(new RawCell(1, CellKind.FORMULA_WITHOUT_VALUE, "SUM(A1:A2)", false, "General"));
	}

	@Test
	void givenDateFormats_cellsAreFlaggedAndPlainNumbersAreNot() {
		Path f = TestFiles.xlsx(dir, "dates.xlsx", wb -> {
			CellStyle iso = wb.createCellStyle();
			iso.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle builtin = wb.createCellStyle();
			builtin.setDataFormat((short) 14);
			CellStyle money = wb.createCellStyle();
			money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
			Row r = wb.createSheet().createRow(0);
			r.createCell(0).setCellValue(45000);
			r.getCell(0).setCellStyle(iso);
			r.createCell(1).setCellValue(45001);
			r.getCell(1).setCellStyle(builtin);
			r.createCell(2).setCellValue(12.5);
			r.getCell(2).setCellStyle(money);
			r.createCell(3).setCellValue(7);
		});
		assertThat(readAll(f).get(0).cells()).extracting(RawCell::dateFormatted)
			.containsExactly(true, true, false, false);
	}

	@Test
	void givenAnEastAsianBuiltinDateFormatId_theCellIsFlaggedAsDate() {
		String styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"31\"/></cellXfs>";
		Path f = TestFiles
			.minimalXlsx("",
					"<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>45000</v></c>"
							+ "<c r=\"B1\" s=\"0\"><v>1</v></c></row></sheetData>",
					null, styles)
			.write(dir, "cjk.xlsx");
		assertThat(readAll(f).get(0).cells()).extracting(RawCell::dateFormatted).containsExactly(true, false);
	}

	@Test
	void givenA1904Workbook_theCursorSaysSo() {
		Path f = TestFiles.xlsx(dir, "1904.xlsx", wb -> {
			var ct = wb.getCTWorkbook();
			(ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
			wb.createSheet().createRow(0).createCell(0).setCellValue(1);
		});
		try (SheetCursor c = Workbooks.open(f)) {
			assertThat(c.date1904()).isTrue();
			assertThat(c.format()).isEqualTo("xlsx");
		}
		Path plain = TestFiles.xlsx(dir, "1900.xlsx",
				wb -> wb.createSheet().createRow(0).createCell(0).setCellValue(1));
		try (SheetCursor c = Workbooks.open(plain)) {
			assertThat(c.date1904()).isFalse();
		}
	}

	private Path threeSheets() {
		return TestFiles.xlsx(dir, "sheets.xlsx", wb -> {
			for (String name : List.of("说明", "项目台账2024", "汇总")) {
				wb.createSheet(name).createRow(0).createCell(0).setCellValue(name);
			}
			wb.setActiveSheet(1);
			wb.setSheetVisibility(0, SheetVisibility.HIDDEN);
			wb.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
		});
	}

	@Test
	void givenHiddenSheets_theyAreSkippedUnlessNamedExactly() {
		Path f = threeSheets();
		assertThat(Workbooks.visibleSheetNames(f)).containsExactly("项目台账2024");
		try (SheetCursor c = Workbooks.open(f)) {
			assertThat(c.sheetName()).isEqualTo("项目台账2024");
		}
		assertThat(readAll(f, SheetSelector.named("说明"), ReadLimits.defaults()).get(0).cell(0).value()).isEqualTo("说明");
		assertThat(readAll(f, SheetSelector.named("汇总"), ReadLimits.defaults()).get(0).cell(0).value()).isEqualTo("汇总");
	}

	@Test
	void givenASelector_theSheetIsFoundByNameIndexOrPattern() {
		Path f = TestFiles.xlsx(dir, "sel.xlsx", wb -> {
			for (String name : List.of("a", "项目台账2024", "b")) {
				wb.createSheet(name).createRow(0).createCell(0).setCellValue(name);
			}
		});
		assertThat(sheetOf(f, SheetSelector.named("b"))).isEqualTo("b");
		assertThat(sheetOf(f, SheetSelector.at(1))).isEqualTo("项目台账2024");
		assertThat(sheetOf(f, SheetSelector.matching("台账\\d{4}"))).isEqualTo("项目台账2024");
		assertThat(sheetOf(f, SheetSelector.first())).isEqualTo("a");
		assertThatThrownBy(() -> Workbooks.open(f, SheetSelector.named("项目台账"), ReadLimits.defaults()))
			.isInstanceOfSatisfying(UnreadableFileException.class,
					e -> assertThat(e.reason()).isEqualTo("sheet '项目台账' not found; sheets: a, 项目台账2024, b"));
		assertThatThrownBy(() -> Workbooks.open(f, SheetSelector.at(3), ReadLimits.defaults()))
			.isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.reason()).startsWith("sheet #3"));
	}

	/**
	 * Every row read back from a minimal workbook whose one sheet holds {@code rowsXml}.
	 */
	private List<RawRow> rowsOfSheetXml(String rowsXml) {
		return readAll(TestFiles.minimalXlsx(rowsXml).write(dir, "sheet.xlsx"));
	}

	private static String sheetOf(Path f, SheetSelector s) {
		try (SheetCursor c = Workbooks.open(f, s, ReadLimits.defaults())) {
			return c.sheetName();
		}
	}

	@Test
	void givenSharedStringsAndInlineStrings_bothReadAsText() {
		Path shared = TestFiles.xlsx(dir, "shared.xlsx", wb -> {
			Sheet s = wb.createSheet();
			s.createRow(0).createCell(0).setCellValue("北京");
			s.createRow(1).createCell(0).setCellValue("北京");
			XSSFRichTextString rich = new XSSFRichTextString("长治");
			rich.append("市", wb.createFont());
			s.createRow(2).createCell(1).setCellValue(rich);
		});
		assertThat(readAll(shared)).extracting(r -> r.cells().get(0).value()).containsExactly("北京", "北京", "长治市");

		Path inline = TestFiles.sxssf(dir, "inline.xlsx", wb -> {
			Sheet s = wb.createSheet();
			s.createRow(0).createCell(3).setCellValue("京长对口合作");
		});
		RawCell c = readAll(inline).get(0).cell(3);
		assertThat(c).isEqualTo(new RawCell(3, CellKind.TEXT, "京长对口合作", false, "General"));
	}

	@Test
	void givenPhoneticRunsAndEscapesInStrings_onlyTheCellTextIsRead() {
		String sst = "<si><r><t>长</t></r><r><t xml:space=\"preserve\">治 </t></r><rPh sb=\"0\" eb=\"1\"><t>chang</t></rPh></si>"
				+ "<si><t>line1_x000D_</t></si>";
		Path f = TestFiles.minimalXlsx("", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
				+ "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>x_x005F_y</t></is></c></row></sheetData>",
				sst, null)
			.write(dir, "rph.xlsx");
		assertThat(readAll(f).get(0).cells()).extracting(RawCell::value).containsExactly("长治 ", "line1\r", "x_y");
	}

	@Test
	void givenCellsWithoutReferencesOrOutOfOrder_theyArePlacedAndSorted() {
		List<RawRow> rows = rowsOfSheetXml("<row><c><v>1</v></c><c/><c><v>3</v></c></row>"
				+ "<row><c r=\"C2\" t=\"str\"><v>c</v></c><c r=\"A2\" t=\"str\"><v>a</v></c></row>");
		assertThat(rows.get(0).rowNumber()).isEqualTo(1);
		assertThat(rows.get(0).cells()).extracting(RawCell::column).containsExactly(0, 2);
		assertThat(rows.get(1).rowNumber()).isEqualTo(2);
		assertThat(rows.get(1).cells()).extracting(RawCell::column).containsExactly(0, 2);
	}

	@Test
	void givenBlankStyledCellsAndEmptyRows_theyAreAbsent() {
		List<RawRow> rows = rowsOfSheetXml("<row r=\"1\"><c r=\"A1\" s=\"0\"/></row><row r=\"2\"/>"
				+ "<row r=\"3\"><c r=\"B3\" t=\"s\"/><c r=\"C3\"><v>5</v></c></row>");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).rowNumber()).isEqualTo(3);
		assertThat(rows.get(0).cells()).extracting(RawCell::column).containsExactly(2);
	}

	@Test
	void givenAStrictOoxmlWorkbook_itReadsLikeATransitionalOne() {
		String main = "http://purl.oclc.org/ooxml/spreadsheetml/main";
		String rel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
		Path f = new TestFiles.Zip().put("[Content_Types].xml", PackageBuilder.ONE_SHEET_TYPES + "</Types>")
			.put("_rels/.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + rel
							+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
			.put("xl/workbook.xml",
					"<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><workbookPr date1904=\"true\"/>"
							+ "<sheets><sheet name=\"严格\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
			.put("xl/_rels/workbook.xml.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + rel
							+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
			.put("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData><row r=\"2\">"
					+ "<c r=\"B2\"><v>12.50</v></c><c r=\"C2\" t=\"inlineStr\"><is><t>ok</t></is></c></row></sheetData></worksheet>")
			.write(dir, "strict.xlsx");
		try (SheetCursor c = Workbooks.open(f)) {
			assertThat(c.sheetName()).isEqualTo("严格");
			assertThat(c.date1904()).isTrue();
			RawRow row = c.next();
			assertThat(row.rowNumber()).isEqualTo(2);
			assertThat(row.cells()).extracting(RawCell::value).containsExactly("12.50", "ok");
			assertThat(c.hasNext()).isFalse();
		}
	}

	@Test
	void givenAFileNamedXlsThatIsReallyXlsx_itIsReadByContent() {
		Path f = TestFiles.xlsx(dir, "really-xlsx.xls",
				wb -> wb.createSheet().createRow(0).createCell(0).setCellValue("x"));
		try (SheetCursor c = Workbooks.open(f)) {
			assertThat(c.format()).isEqualTo("xlsx");
			assertThat(c.next().cell(0).value()).isEqualTo("x");
		}
	}

	@Test
	void given200000RowsWrittenBySxssf_allStreamThrough() {
		Path f = TestFiles.sxssf(dir, "big.xlsx", wb -> {
			Sheet s = wb.createSheet("big");
			for (int i = 0; i < 200_000; i++) {
				Row r = s.createRow(i);
				r.createCell(0).setCellValue(i);
				r.createCell(1).setCellValue("项目" + (i % 100));
				r.createCell(3).setCellValue(i * 1.5);
			}
		});
		long rows = 0;
		long cells = 0;
		int lastRow = 0;
		try (SheetCursor c = Workbooks.open(f)) {
			while (c.hasNext()) {
				RawRow r = c.next();
				rows++;
				cells += r.cells().size();
				lastRow = r.rowNumber();
			}
		}
		assertThat(rows).isEqualTo(200_000);
		assertThat(cells).isEqualTo(600_000);
		assertThat(lastRow).isEqualTo(200_000);
	}

}
