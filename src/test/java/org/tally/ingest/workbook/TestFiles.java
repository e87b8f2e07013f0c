package org.tally.ingest.workbook;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tally.support.PackageBuilder;

/** Small builders writing real spreadsheet files for the tests. */
final class TestFiles {

	private TestFiles() {
	}

	static Path xlsx(Path dir, String name, Consumer<XSSFWorkbook> content) {
		return write(dir.resolve(name), new XSSFWorkbook(), content);
	}

	static Path sxssf(Path dir, String name, Consumer<SXSSFWorkbook> content) {
		SXSSFWorkbook wb = new SXSSFWorkbook(100);
		Path p = write(dir.resolve(name), wb, content);
		wb.dispose();
		return p;
	}

	static Path xls(Path dir, String name, Consumer<HSSFWorkbook> content) {
		return write(dir.resolve(name), new HSSFWorkbook(), content);
	}

	private static <W extends Workbook> Path write(Path file, W wb, Consumer<W> content) {
		try (wb; OutputStream out = Files.newOutputStream(file)) {
			content.accept(wb);
			wb.write(out);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * One row of evaluated formulas over A1 = 21: a number (A1*2), text ("n="&A1), an
	 * error (1/0) and a boolean (A1>1).
	 */
	static void formulaRow(Workbook wb) {
		Row r = wb.createSheet().createRow(0);
		r.createCell(0).setCellValue(21);
		r.createCell(1).setCellFormula("A1*2");
		r.createCell(2).setCellFormula("\"n=\"&A1");
		r.createCell(3).setCellFormula("1/0");
		r.createCell(4).setCellFormula("A1>1");
		wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
	}

	/**
	 * A one-cell workbook saved encrypted (agile), as Excel's "Encrypt with Password".
	 */
	static Path encryptedXlsx(Path dir, String name, String password) throws Exception {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			wb.createSheet().createRow(0).createCell(0).setCellValue("secret");
			wb.write(plain);
		}
		Path f = dir.resolve(name);
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			enc.confirmPassword(password);
			try (OutputStream os = enc.getDataStream(fs)) {
				os.write(plain.toByteArray());
			}
			try (OutputStream out = Files.newOutputStream(f)) {
				fs.writeFilesystem(out);
			}
		}
		return f;
	}

	/** A one-cell legacy workbook saved with a password (RC4). */
	static Path encryptedXls(Path dir, String name, String password) {
		Biff8EncryptionKey.setCurrentUserPassword(password);
		try {
			return xls(dir, name, wb -> wb.createSheet().createRow(0).createCell(0).setCellValue(1));
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
	}

	/** An OLE2 container holding one stream of 600 zero bytes under the given name. */
	static Path oleContainer(Path dir, String name, String stream) throws IOException {
		Path f = dir.resolve(name);
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(f)) {
			fs.createDocument(new ByteArrayInputStream(new byte[600]), stream);
			fs.writeFilesystem(out);
		}
		return f;
	}

	static Path bytes(Path dir, String name, byte[] data) {
		try {
			return Files.write(dir.resolve(name), data);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Path text(Path dir, String name, String text, java.nio.charset.Charset cs, byte... bom) {
		byte[] body = text.getBytes(cs);
		byte[] all = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, all, 0, bom.length);
		System.arraycopy(body, 0, all, bom.length, body.length);
		return bytes(dir, name, all);
	}

	/** A hand-made package: exact XML, for what POI's writers cannot produce. */
	static final class Zip {

		private final Map<String, byte[]> entries = new LinkedHashMap<>();

		Zip put(String name, String xml) {
			entries.put(name, xml.getBytes(StandardCharsets.UTF_8));
			return this;
		}

		Zip put(String name, byte[] data) {
			entries.put(name, data);
			return this;
		}

		byte[] entry(String name) {
			return entries.get(name);
		}

		byte[] toBytes() {
			return PackageBuilder.zip(entries);
		}

		Path write(Path dir, String name) {
			return bytes(dir, name, toBytes());
		}

		/**
		 * Writes the package with {@code entry}'s content streamed by {@code content}
		 * straight into the archive: for parts far larger than the test's heap.
		 */
		Path write(Path dir, String name, String entry, Streamed content) {
			Path file = dir.resolve(name);
			try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
				for (Map.Entry<String, byte[]> e : entries.entrySet()) {
					if (!e.getKey().equals(entry)) {
						zip.putNextEntry(new ZipEntry(e.getKey()));
						zip.write(e.getValue());
						zip.closeEntry();
					}
				}
				zip.putNextEntry(new ZipEntry(entry));
				Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
				content.write(out);
				out.flush();
				zip.closeEntry();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return file;
		}

	}

	/** Content written piece by piece. */
	@FunctionalInterface
	interface Streamed {

		void write(Writer out) throws IOException;

	}

	static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	/**
	 * A minimal transitional workbook with one sheet whose sheetData is given verbatim.
	 */
	static Zip minimalXlsx(String sheetData) {
		return minimalXlsx("", "<sheetData>" + sheetData + "</sheetData>", null, null);
	}

	static Zip minimalXlsx(String prolog, String sheetBody, String sharedStrings, String styles) {
		List<String> rels = new ArrayList<>();
		rels.add("<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>");
		StringBuilder types = new StringBuilder().append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
			.append(PackageBuilder.ONE_SHEET_TYPES);
		Zip zip = new Zip();
		if (sharedStrings != null) {
			rels.add("<Relationship Id=\"rId2\" Type=\"" + REL_NS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
			types.append(
					"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
		}
		if (styles != null) {
			rels.add("<Relationship Id=\"rId3\" Type=\"" + REL_NS + "/styles\" Target=\"styles.xml\"/>");
			types.append(
					"<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
		}
		types.append("</Types>");
		zip.put("[Content_Types].xml", types.toString());
		zip.put("_rels/.rels",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
						+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"" + REL_NS
						+ "/officeDocument\" Target=\"xl/workbook.xml\"/>" + "</Relationships>");
		zip.put("xl/workbook.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog + "<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\""
						+ REL_NS + "\">"
						+ "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
		zip.put("xl/_rels/workbook.xml.rels",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
						+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ String.join("", rels) + "</Relationships>");
		zip.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + "<worksheet xmlns=\""
				+ MAIN_NS + "\">" + sheetBody + "</worksheet>");
		if (sharedStrings != null) {
			zip.put("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + "<sst xmlns=\"" + MAIN_NS
					+ "\">" + sharedStrings + "</sst>");
		}
		if (styles != null) {
			zip.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + "<styleSheet xmlns=\"" + MAIN_NS
					+ "\">" + styles + "</styleSheet>");
		}
		return zip;
	}

	static List<RawRow> readAll(Path file) {
		return readAll(file, SheetSelector.first(), ReadLimits.defaults());
	}

	static List<RawRow> readAll(Path file, SheetSelector sel, ReadLimits limits) {
		List<RawRow> rows = new ArrayList<>();
		try (SheetCursor c = Workbooks.open(file, sel, limits)) {
			c.forEachRemaining(rows::add);
		}
		return rows;
	}

}
