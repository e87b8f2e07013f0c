package org.tally.ingest.workbook.differential;

import java.nio.file.Path;
import java.util.List;
import org.tally.support.PackageBuilder;

/**
 * A workbook written as raw XML, for the quirks POI's writer never produces: rich and
 * phonetic shared strings, {@code _xHHHH_} escapes, rows and cells without {@code r},
 * shared formulas with and without cached values, ISO date cells, hidden rows and sheets,
 * merged cells, a cell at XFD1048576, the 1904 date system and Strict OOXML.
 */
final class RawQuirkWorkbook {

	static final String SHEET = "quirks";

	private static final String TRANSITIONAL_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String TRANSITIONAL_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";

	private static final String STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

	private static final String CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

	/** Shared strings, by index; the cells of row 2 refer to each in turn. */
	static final List<String> SHARED_STRINGS = List.of("<t>plain</t>",
			"<r><t>红</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t xml:space=\"preserve\"> bold</t></r>",
			"<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"0\" type=\"noConversion\"/>",
			"<r><t>都</t></r><rPh sb=\"0\" eb=\"1\"><t>ト</t></rPh><phoneticPr fontId=\"0\"/>",
			"<t>a_x000D_b_x0009_c_x00e9_</t>", "<t>_x005F_x0041_</t>", "<t/>",
			"<t xml:space=\"preserve\">  spaced  </t>", "<r><t>_x00</t></r><r><t>41_</t></r>",
			"<t>_x\uff10\uff10\uff14\uff11_</t>");

	private static final String SHEET_DATA = """
			<row r="1"><c r="A1"><v>6023745.50</v></c><c r="B1"><v>1.0E-3</v></c><c r="C1" t="n"><v>123456789012345678</v></c>\
			<c r="D1"><v>-0</v></c><c r="E1"><v>.5</v></c><c r="F1"><v>1E+300</v></c><c r="G1"><v>-4.9E-324</v></c></row>
			<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>\
			<c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>5</v></c>\
			<c r="G2" t="s"><v>6</v></c><c r="H2" t="s"><v>7</v></c><c r="I2" t="s"><v>8</v></c><c r="J2" t="s"><v>9</v></c></row>
			<row r="3"><c r="A3" t="inlineStr"><is><t>inline</t></is></c>\
			<c r="B3" t="inlineStr"><is><r><t>rich</t></r><r><rPr><i/></rPr><t xml:space="preserve"> inline</t></r></is></c>\
			<c r="C3" t="inlineStr"><is><t>大阪</t><rPh sb="0" eb="2"><t>オオサカ</t></rPh></is></c>\
			<c r="D3" t="inlineStr"><is><t>line_x000A_break</t></is></c></row>
			<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><v>#N/A</v></c>\
			<c r="D4" t="e"><v>#DIV/0!</v></c><c r="E4" t="e"><v>#REF!</v></c></row>
			<row r="5"><c r="A5"><f>1+1</f><v>2</v></c><c r="B5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>\
			<c r="C5" t="b"><f>TRUE()</f><v>1</v></c><c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c>\
			<c r="E5"><f>SUM(A1:B1)</f></c><c r="F5" t="str"><f>"x"&amp;"y"</f></c>\
			<c r="G5" t="str"><f>""</f><v></v></c><c r="H5" t="str"><f>"_x0041_"</f><v>_x0041_</v></c></row>
			<row r="6"><c r="A6"><f t="shared" ref="A6:C6" si="0">A1*2</f><v>12047491</v></c>\
			<c r="B6"><f t="shared" si="0"/><v>0.002</v></c><c r="C6"><f t="shared" si="0"/></c></row>
			<row><c><v>7</v></c><c t="s"><v>0</v></c></row>
			<row r="9"><c><v>1</v></c><c r="D9"><v>4</v></c><c><v>5</v></c></row>
			<row r="10" hidden="1"><c r="A10" t="inlineStr"><is><t>hidden row</t></is></c></row>
			<row r="11"><c r="A11" t="inlineStr"><is><t>merged</t></is></c><c r="B11" s="0"/></row>
			<row r="13"><c r="A13" s="1"><v>45426</v></c><c r="B13" s="2"><v>45426.75</v></c>\
			<c r="C13" s="3"><v>45426</v></c><c r="D13" s="4"><v>45426.5</v></c><c r="E13" s="5"><v>60</v></c>\
			<c r="F13" s="2"><v>-1</v></c><c r="G13" s="2"><v>0</v></c><c r="H13" s="2"><v>2958465</v></c>\
			<c r="I13" s="2"><v>2958466</v></c><c r="J13" s="6"><v>0.75</v></c><c r="K13" s="2"><v>1</v></c></row>
						<row r="15"><c r="C15"><v>3</v></c><c r="A15"><v>1</v></c></row>
			""";

	private RawQuirkWorkbook() {
	}

	static Path write(Path file, boolean strict, boolean date1904) {
		String main = strict ? STRICT_MAIN : TRANSITIONAL_MAIN;
		String rel = strict ? STRICT_REL : TRANSITIONAL_REL;
		StringBuilder sst = new StringBuilder("<sst xmlns=\"" + main + "\" count=\"" + SHARED_STRINGS.size()
				+ "\" uniqueCount=\"" + SHARED_STRINGS.size() + "\">");
		SHARED_STRINGS.forEach(si -> sst.append("<si>").append(si).append("</si>"));
		sst.append("</sst>");
		PackageBuilder b = PackageBuilder.workbook(SHEET, List.of(), strict, "");
		b.put("[Content_Types].xml",
				xml("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
						+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
						+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
						+ override("/xl/workbook.xml", "sheet.main+xml") + override("/xl/styles.xml", "styles+xml")
						+ override("/xl/sharedStrings.xml", "sharedStrings+xml")
						+ override("/xl/worksheets/sheet1.xml", "worksheet+xml")
						+ override("/xl/worksheets/sheet2.xml", "worksheet+xml")
						+ override("/xl/worksheets/sheet3.xml", "worksheet+xml")
						+ override("/xl/worksheets/sheet4.xml", "worksheet+xml") + "</Types>"));
		b.put("xl/workbook.xml",
				xml("<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\">"
						+ (date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") + "<sheets>" + "<sheet name=\""
						+ SHEET + "\" sheetId=\"1\" r:id=\"rId1\"/>"
						+ "<sheet name=\"hidden\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
						+ "<sheet name=\"very hidden\" sheetId=\"3\" state=\"veryHidden\" r:id=\"rId3\"/>"
						+ "<sheet name=\"edges\" sheetId=\"4\" r:id=\"rId4\"/></sheets></workbook>"));
		b.put("xl/_rels/workbook.xml.rels",
				xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ relationship("rId1", rel, "worksheet", "worksheets/sheet1.xml")
						+ relationship("rId2", rel, "worksheet", "worksheets/sheet2.xml")
						+ relationship("rId3", rel, "worksheet", "worksheets/sheet3.xml")
						+ relationship("rId4", rel, "worksheet", "worksheets/sheet4.xml")
						+ relationship("rId5", rel, "styles", "styles.xml")
						+ relationship("rId6", rel, "sharedStrings", "sharedStrings.xml") + "</Relationships>"));
		b.put("xl/styles.xml", xml("<styleSheet xmlns=\"" + main + "\">"
				+ "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"
				+ "<numFmt numFmtId=\"165\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
				+ "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
				+ "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
				+ "<borders count=\"1\"><border/></borders>"
				+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
				+ "<cellXfs count=\"7\">" + xf(0) + xf(14) + xf(164) + xf(31) + xf(22) + xf(165) + xf(21)
				+ "</cellXfs></styleSheet>"));
		b.put("xl/sharedStrings.xml", xml(sst.toString()));
		b.put("xl/worksheets/sheet1.xml",
				sheet(main, SHEET_DATA, "<mergeCells count=\"1\"><mergeCell ref=\"A11:C12\"/></mergeCells>"));
		b.put("xl/worksheets/sheet2.xml", sheet(main,
				"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>on a hidden sheet</t></is></c></row>", ""));
		b.put("xl/worksheets/sheet3.xml", sheet(main, "<row r=\"2\"><c r=\"B2\"><v>3</v></c></row>", ""));
		b.put("xl/worksheets/sheet4.xml",
				sheet(main,
						"<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>16384</v></c></row>"
								+ "<row r=\"1048576\"><c r=\"A1048576\"><v>1048576</v></c>"
								+ "<c r=\"XFD1048576\" t=\"inlineStr\"><is><t>last cell</t></is></c></row>",
						""));
		return b.writeTo(file);
	}

	private static String sheet(String main, String rows, String after) {
		return xml("<worksheet xmlns=\"" + main + "\"><sheetData>" + rows + "</sheetData>" + after + "</worksheet>");
	}

	private static String xf(int numFmtId) {
		return "<xf numFmtId=\"" + numFmtId + "\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
				+ (numFmtId == 0 ? "" : " applyNumberFormat=\"1\"") + "/>";
	}

	private static String override(String part, String type) {
		return "<Override PartName=\"" + part + "\" ContentType=\"" + CT + type + "\"/>";
	}

	private static String relationship(String id, String ns, String type, String target) {
		return "<Relationship Id=\"" + id + "\" Type=\"" + ns + "/" + type + "\" Target=\"" + target + "\"/>";
	}

	private static String xml(String body) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body;
	}

}
