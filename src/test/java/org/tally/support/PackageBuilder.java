package org.tally.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A hand-made .xlsx package, part by part, for what POI's writers will not produce:
 * Strict OOXML, DOCTYPEs, cells longer than Excel allows, thousands of entries. Cells are
 * inline strings or numbers.
 */
public final class PackageBuilder {

	static final String TRANSITIONAL_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	static final String TRANSITIONAL_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
	static final String STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
	static final String STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

	/**
	 * The content types of a one-sheet package (workbook and sheet1), left open for more
	 * overrides: close it with {@code </Types>}.
	 */
	public static final String ONE_SHEET_TYPES = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
			+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
			+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
			+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";

	private final Map<String, byte[]> entries = new LinkedHashMap<>();

	private PackageBuilder() {
	}

	/**
	 * A one-sheet workbook; rows are lists of cell values (String inline, Number as
	 * number, null blank).
	 */
	public static PackageBuilder workbook(String sheetName, List<List<Object>> rows, boolean strict,
			String workbookProlog) {
		String main = strict ? STRICT_MAIN : TRANSITIONAL_MAIN;
		String rel = strict ? STRICT_REL : TRANSITIONAL_REL;
		StringBuilder sheet = new StringBuilder("<sheetData>");
		for (int r = 0; r < rows.size(); r++) {
			sheet.append("<row r=\"").append(r + 1).append("\">");
			List<Object> row = rows.get(r);
			for (int c = 0; c < row.size(); c++) {
				Object value = row.get(c);
				if (value == null) {
					continue;
				}
				String ref = (char) ('A' + c) + String.valueOf(r + 1);
				if (value instanceof Number) {
					sheet.append("<c r=\"").append(ref).append("\"><v>").append(value).append("</v></c>");
				}
				else {
					sheet.append("<c r=\"")
						.append(ref)
						.append("\" t=\"inlineStr\"><is><t>")
						.append(escape(value.toString()))
						.append("</t></is></c>");
				}
			}
			sheet.append("</row>");
		}
		sheet.append("</sheetData>");
		return new PackageBuilder()
			.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + ONE_SHEET_TYPES + "</Types>")
			.put("_rels/.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
							+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + rel
							+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
			.put("xl/workbook.xml",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + workbookProlog + "<workbook xmlns=\"" + main
							+ "\" xmlns:r=\"" + rel + "\"><sheets><sheet name=\"" + escape(sheetName)
							+ "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
			.put("xl/_rels/workbook.xml.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
							+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + rel
							+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
			.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main
					+ "\">" + sheet + "</worksheet>");
	}

	public PackageBuilder put(String name, String content) {
		entries.put(name, content.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	public PackageBuilder put(String name, byte[] content) {
		entries.put(name, content);
		return this;
	}

	public byte[] toBytes() {
		return zip(entries);
	}

	/** A zip archive of the entries, in their order. */
	public static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	public Path writeTo(Path file) {
		try {
			return Files.write(file, toBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A DOCTYPE for the root element declaring the billion-laughs entities:
	 * {@code &lol9;} would expand to 10^9 "lol".
	 */
	public static String billionLaughs(String root) {
		StringBuilder doctype = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol \"lol\">");
		doctype.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">");
		for (int i = 2; i <= 9; i++) {
			doctype.append("<!ENTITY lol")
				.append(i)
				.append(" \"")
				.append(("&lol" + (i - 1) + ";").repeat(10))
				.append("\">");
		}
		return doctype.append("]>").toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
