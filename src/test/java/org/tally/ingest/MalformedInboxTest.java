package org.tally.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;
import static org.tally.support.Runs.rows;
import static org.tally.support.WorkbookBuilder.error;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.support.PackageBuilder;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;

/**
 * Given the December seed files and, beside them, hostile or broken files in every
 * department's folder, the run completes, loads the good files, quarantines each broken
 * one with its own reason, and leaves what the warehouse already held (June) untouched.
 */
@TallyTest
class MalformedInboxTest extends InboxRunTest {

	static final String DECEMBER_LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";

	@TempDir
	Path temp;

	/** Inbox path -> the reason its quarantine must give (a part of it). */
	final Map<String, String> expected = new LinkedHashMap<>();

	@BeforeEach
	void juneIsLoaded() {
		inbox.copySeed("finance/市财政局_京长对口合作项目台账_2024-06-30.xlsx", "finance/市财政局_京长对口合作项目台账_2024-06-30.xlsx");
		inbox.copySeed("education/市教育局_教育对口合作统计表_2024上半年.xls", "education/市教育局_教育对口合作统计表_2024上半年.xls");
		inbox.copySeed("health/市卫健委_卫生健康对口合作_20240630.csv", "health/市卫健委_卫生健康对口合作_20240630.csv");
		inbox.copySeed("science/市科技局_科技成果转化_2024-06-30.xlsx", "science/市科技局_科技成果转化_2024-06-30.xlsx");
		completedRun(jobs, "june");
	}

	@Test
	void givenTwentyFiveBrokenFilesBesideTheGoodOnes_eachIsQuarantinedWithItsReasonAndTheRunLoadsTheRest()
			throws Exception {
		List<List<String>> juneBefore = juneRows();
		inbox.withSeeds();

		hostile("finance/empty.xlsx", new byte[0], "empty file (0 bytes)");
		hostile("finance/truncated.xlsx", Arrays.copyOf(seed(DECEMBER_LEDGER), seed(DECEMBER_LEDGER).length / 2),
				"damaged or truncated ZIP archive");
		expected.put("finance/truncated.xlsx",
				"damaged or truncated ZIP archive (IOException: Error reading Zip content from finance/truncated.xlsx)");
		hostile("finance/renamed-report.xlsx",
				"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
				"not a spreadsheet (looks like a PDF)");
		hostile("science/chart.xlsx", image("png"), "not a spreadsheet (looks like a PNG image)");
		hostile("science/photo.xls", image("jpg"), "not a spreadsheet (looks like a JPEG image)");
		hostile("finance/protected.xlsx", passwordProtectedXlsx(), "password-protected workbook");
		hostile("education/protected.xls", encryptedXls(), "password-protected workbook");
		hostile("finance/bomb.xlsx", zipBomb(), "zip bomb suspected");
		hostile("finance/xxe.xlsx",
				ledgerPackage(false, "<!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>").toBytes(),
				"XML external entity / DTD in /xl/workbook.xml: refused");
		hostile("finance/billion-laughs.xlsx", billionLaughs(),
				"XML external entity / DTD in /xl/worksheets/sheet1.xml: refused");
		hostile("finance/many-entries.xlsx", manyEntries(), "too many zip entries (more than 1000)");
		hostile("finance/huge.xlsx", (byte[]) null, "file too large: 209715201 bytes (limit 209715200)");
		hugeSparseFile(inbox.file("finance/huge.xlsx"));
		hostile("finance/wrong-sheet.xlsx",
				write(WorkbookBuilder.ledger(DECEMBER).sheet("Sheet1").row("JC2024-0001", "项目", "潞州区", 1, "开工")),
				"sheet '项目台账' not found; sheets: Sheet1");
		hostile("finance/no-investment-column.xlsx",
				write(WorkbookBuilder.ledger(DECEMBER)
					.header("项目编号", "项目名称", "所在县区", "项目状态")
					.row("JC2024-0001", "项目", "潞州区", "开工")),
				"required column(s) missing: committed_investment [签约投资额, 签约金额, 计划总投资, 协议投资额];"
						+ " header row 3 has: [项目编号, 项目名称, 所在县区, 项目状态]");
		hostile("finance/no-period.xlsx",
				write(WorkbookBuilder.workbook()
					.sheet("项目台账")
					.line("京长对口合作项目台账")
					.line("单位：万元")
					.header(WorkbookBuilder.LEDGER_HEADER)
					.row("JC2024-0001", "项目", "潞州区", 1, "开工")),
				"no reporting period in the title rows above the header (expected e.g. 截至2024年12月31日)");
		hostile("finance/no-header.xlsx",
				write(WorkbookBuilder.workbook().sheet("项目台账").line("截至2024年12月31日").line("本期无数据").line("请见附件")),
				"no header row found in the first 30 rows");
		hostile("health/市卫健委_卫生健康对口合作_20240930.csv", mixedEncodingCsv(), "text is not valid GB18030");
		hostile("finance/long-cell.xlsx", ledgerWithNameOf(32_768, LocalDate.of(2024, 3, 31)).toBytes(),
				"cell text longer than 32767 characters in cell B4");
		hostile("education/市教育局_教育对口合作统计表_2024第三季度.xls",
				"合作事项,所在县区\r\n教师培训,潞州区\r\n".getBytes(Charset.forName("GB18030")),
				"not a spreadsheet: plain text with extension '.xls'");
		hostile("education/web-export.xls",
				"<html><body><table><tr><td>合作事项</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8),
				"an HTML page");
		hostile("science/old-format.xls",
				"<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
						+ "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>",
				"Excel 2003 XML spreadsheet is not supported");
		// A real LibreOffice .ods (scripts/libreoffice-fixtures.sh), renamed .xlsx by a
		// clerk.
		hostile("science/saved-as-ods.xlsx",
				Files.readAllBytes(Path.of("src/test/resources/fixtures/libreoffice/市科技局_科技成果转化_2024-12-31.ods")),
				"OpenDocument spreadsheet (.ods) is not supported");
		hostile("finance/broken-xml.xlsx", ledgerPackage(false, "").put("xl/worksheets/sheet1.xml",
				"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c")
			.toBytes(), "malformed XML");
		hostile("finance/excel4.xls", biff4(), "Excel 2.x-4.0 workbook is too old");
		hostile("health/archive_20240930.csv", new byte[] { 0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3 },
				"not a spreadsheet (looks like a gzip archive)");

		// Not broken: a ledger (September) with a formula error in a money cell loses
		// that row only;
		// a cell of exactly 32,767 characters (Excel's limit) loads; Strict OOXML reads
		// like Transitional.
		WorkbookBuilder september = WorkbookBuilder.ledger(LocalDate.of(2024, 9, 30));
		for (int i = 0; i < 30; i++) {
			september.row("JC2024-" + (1000 + i), "项目" + i, "潞州区", 100, "开工");
		}
		september.row("JC2024-2000", "公式出错的项目", "潞州区", error("D4/0", FormulaError.DIV0), "开工")
			.writeTo(inbox.file("finance/ledger-2024-09-30-formula-error.xlsx"));
		ledgerWithNameOf(32_767, LocalDate.of(2024, 3, 31))
			.writeTo(inbox.file("finance/ledger-2024-03-31-long-name.xlsx"));
		ledgerPackageFor(true, "", LocalDate.of(2023, 12, 31))
			.writeTo(inbox.file("finance/ledger-2023-12-31-strict.xlsx"));
		// Files no source claims are left alone: not registered, not quarantined.
		Files.writeString(inbox.file("finance/readme.txt"), "台账说明");
		Files.write(inbox.file("planning/规划.xlsx"), seed(DECEMBER_LEDGER));

		long run = completedRun(jobs, "hostile");

		SoftAssertions softly = new SoftAssertions();
		expected.forEach((file, reason) -> {
			List<List<String>> registered = rows(warehouse,
					"SELECT status, reason FROM registry.load WHERE run_id = ? AND file_path = ?", run, file);
			softly.assertThat(registered).as(file).hasSize(1);
			if (registered.size() == 1) {
				softly.assertThat(registered.get(0).get(0)).as(file + " status").isEqualTo("quarantined");
				softly.assertThat(registered.get(0).get(1)).as(file + " reason").contains(reason);
			}
		});
		softly.assertThat(expected).hasSizeGreaterThanOrEqualTo(20);
		softly
			.assertThat(warehouse.strings(
					"SELECT file_path FROM registry.load WHERE status = 'loaded' AND run_id = ? ORDER BY file_path",
					run))
			.containsExactly("education/市教育局_教育对口合作统计表_2024全年.xls", "finance/ledger-2023-12-31-strict.xlsx",
					"finance/ledger-2024-03-31-long-name.xlsx", "finance/ledger-2024-09-30-formula-error.xlsx",
					"finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx", "health/市卫健委_卫生健康对口合作_20241231.csv",
					"science/市科技局_科技成果转化_2024-12-31.xlsx");
		softly.assertThat(rows(warehouse, """
				SELECT r.cell_ref, r.reason_zh FROM registry.reject r JOIN registry.load l ON l.id = r.load_id
				WHERE l.file_path = 'finance/ledger-2024-09-30-formula-error.xlsx'"""))
			.containsExactly(List.of("D34", "单元格公式错误（#DIV/0!）"));
		softly.assertThat(warehouse.count("SELECT count(*) FROM warehouse.projects WHERE length(project_name) = 32767"))
			.isOne();
		softly
			.assertThat(warehouse
				.strings("SELECT w.project_code FROM warehouse.projects w JOIN registry.load l ON l.id = w.load_id"
						+ " WHERE l.file_path = 'finance/ledger-2023-12-31-strict.xlsx'"))
			.containsExactly("JC2023-0001");
		softly.assertThat(warehouse
			.count("SELECT count(*) FROM registry.load WHERE file_path LIKE '%readme%' OR file_path LIKE 'planning/%'"))
			.isZero();
		softly.assertThat(
				warehouse.count("SELECT count(*) FROM warehouse.projects w JOIN registry.load l ON l.id = w.load_id"
						+ " WHERE l.is_current AND l.period = ?", DECEMBER))
			.isEqualTo(140);
		softly.assertThat(juneRows()).as("June, loaded before, is untouched").isEqualTo(juneBefore);
		softly.assertAll();
	}

	private void hostile(String inboxPath, byte[] content, String reason) throws IOException {
		if (content != null) {
			Files.write(inbox.file(inboxPath), content);
		}
		expected.put(inboxPath, reason);
	}

	private void hostile(String inboxPath, String content, String reason) throws IOException {
		hostile(inboxPath, content.getBytes(StandardCharsets.UTF_8), reason);
	}

	private List<List<String>> juneRows() {
		List<List<String>> all = new ArrayList<>();
		for (String dataset : List.of("projects", "education_activities", "health_activities", "tech_transfers")) {
			all.addAll(rows(warehouse, "SELECT l.file_path, l.status, l.is_current::text, w::text FROM warehouse."
					+ dataset
					+ " w JOIN registry.load l ON l.id = w.load_id WHERE l.period = ? ORDER BY l.id, w.row_number",
					LocalDate.of(2024, 6, 30)));
		}
		return all;
	}

	private byte[] seed(String path) throws IOException {
		return Files.readAllBytes(Path.of("seeds/inbox").resolve(path));
	}

	private byte[] write(WorkbookBuilder builder) throws IOException {
		Path file = temp.resolve("built-" + System.nanoTime() + ".xlsx");
		return Files.readAllBytes(builder.writeTo(file));
	}

	private static byte[] image(String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

	private byte[] passwordProtectedXlsx() throws Exception {
		Path plain = WorkbookBuilder.ledger(DECEMBER)
			.row("JC2024-0001", "项目", "潞州区", 1, "开工")
			.writeTo(temp.resolve("plain.xlsx"));
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("长治2024");
			try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
					OutputStream os = encryptor.getDataStream(fs)) {
				opc.save(os);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	private static byte[] encryptedXls() throws IOException {
		Biff8EncryptionKey.setCurrentUserPassword("长治2024");
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			workbook.createSheet("教育合作").createRow(0).createCell(0).setCellValue("合作事项");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
	}

	/** A worksheet part of 20 MB of blanks that compresses a thousandfold. */
	private static byte[] zipBomb() {
		return ledgerPackage(false, "")
			.put("xl/worksheets/sheet1.xml",
					"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
							+ " ".repeat(20_000_000) + "</sheetData></worksheet>")
			.toBytes();
	}

	private static byte[] billionLaughs() {
		return ledgerPackage(false, "").put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?>"
				+ PackageBuilder.billionLaughs("worksheet")
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
				+ "<c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>")
			.toBytes();
	}

	private static byte[] manyEntries() {
		PackageBuilder pkg = ledgerPackage(false, "");
		for (int i = 0; i < 1500; i++) {
			pkg.put("xl/media/image" + i + ".bin", new byte[] { (byte) i });
		}
		return pkg.toBytes();
	}

	private static void hugeSparseFile(Path file) throws IOException {
		// Sparse: one byte over the 200 MiB default limit, without writing 200 MiB to
		// disk.
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.write(new byte[] { 'P', 'K', 3, 4 });
			raf.setLength(209_715_201L);
		}
	}

	/**
	 * A title line in GB18030, then rows in UTF-8, as when two clerks paste into one
	 * file.
	 */
	private static byte[] mixedEncodingCsv() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write("项目编号,北京医院,长治医院,所在县区\r\n".getBytes(Charset.forName("GB18030")));
		for (int i = 0; i < 5; i++) {
			out.write("JC2023-0001,北京朝阳医院,潞州区人民医院,潞州区\r\n".getBytes(StandardCharsets.UTF_8));
			out.write("JC2023-0001,北京安贞医院,黎城县人民医院,黎城县\r\n".getBytes(Charset.forName("GB18030")));
		}
		return out.toByteArray();
	}

	private static PackageBuilder ledgerWithNameOf(int length, LocalDate period) {
		return PackageBuilder.workbook("项目台账",
				List.of(List.of("京长对口合作项目台账（截至" + period.getYear() + "年" + period.getMonthValue() + "月"
						+ period.getDayOfMonth() + "日）"), List.of("单位：万元"), List.copyOf(WorkbookBuilder.LEDGER_HEADER),
						List.of("JC2024-0001", "长".repeat(length), "潞州区", 100, "开工")),
				false, "");
	}

	private static PackageBuilder ledgerPackage(boolean strict, String prolog) {
		return ledgerPackageFor(strict, prolog, DECEMBER);
	}

	private static PackageBuilder ledgerPackageFor(boolean strict, String prolog, LocalDate period) {
		return PackageBuilder.workbook("项目台账",
				List.of(List.of("京长对口合作项目台账（截至" + period.getYear() + "年" + period.getMonthValue() + "月"
						+ period.getDayOfMonth() + "日）"), List.of("单位：万元"), List.copyOf(WorkbookBuilder.LEDGER_HEADER),
						List.of("JC" + period.getYear() + "-0001", "严格格式项目", "潞州区", 100, "开工")),
				strict, prolog);
	}

	private static byte[] biff4() {
		return new byte[] { 0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x0A, 0x00, 0x00, 0x00 };
	}

}
