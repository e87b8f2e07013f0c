package org.tally.bench.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A realistic project ledger of any size, written once per size into the work directory:
 * the department's XLSX (title, unit line, header, rows, totals), the same as a
 * department CSV, and a plain CSV of the same columns for the COPY-only reference.
 */
public record LedgerFiles(Path xlsx, Path departmentCsv, Path plainCsv) {

	static final List<String> HEADER = List.of("序号", "项目编号", "项目名称", "所在县区", "合作领域", "北京合作方", "合作方性质", "签约投资额",
			"累计完成投资", "项目状态", "开工日期", "对口资金安排", "对口资金拨付");

	private static final List<String> COUNTIES = List.of("潞州区", "上党区", "屯留区", "潞城区", "襄垣县", "平顺县", "黎城县", "壶关县", "长子县",
			"武乡县", "沁县", "沁源县");

	private static final List<String> FIELDS = List.of("产业合作", "文旅康养", "现代农业", "生态环保", "科技创新", "基础设施");

	private static final List<String> STATUSES = List.of("签约", "开工", "竣工");

	/**
	 * The files for {@code rows} rows under {@code workDir}, generated unless already
	 * there.
	 */
	public static LedgerFiles forRows(Path workDir, int rows) throws IOException {
		Path dir = workDir.resolve("ledger-" + rows);
		LedgerFiles files = new LedgerFiles(dir.resolve("inbox-xlsx/finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx"),
				dir.resolve("inbox-csv/finance/市财政局_京长对口合作项目台账_2024-12-31.csv"), dir.resolve("copy.csv"));
		if (Files.isRegularFile(files.xlsx) && Files.isRegularFile(files.departmentCsv)
				&& Files.isRegularFile(files.plainCsv)) {
			return files;
		}
		Files.createDirectories(files.xlsx.getParent());
		Files.createDirectories(files.departmentCsv.getParent());
		files.write(rows, 20250107L, "2024-12-31", "JC");
		return files;
	}

	/**
	 * One department's ledger for a period, XLSX only (plus CSVs beside it in
	 * {@code dir}).
	 */
	public static Path departmentLedger(Path dir, String department, String period, int rows, long seed)
			throws IOException {
		Files.createDirectories(dir);
		LedgerFiles files = new LedgerFiles(dir.resolve(department + "_项目台账_" + period + ".xlsx"),
				dir.resolve("csv").resolve(department + "_" + period + ".csv"),
				dir.resolve("csv").resolve(department + "_" + period + "_plain.csv"));
		Files.createDirectories(files.departmentCsv.getParent());
		files.write(rows, seed, period, department.toUpperCase(Locale.ROOT) + "-");
		return files.xlsx;
	}

	/**
	 * Only the department's CSV of {@code rows} rows at {@code file}, without the
	 * workbook: the quick way to a large ledger (a million rows in seconds), for a run to
	 * be watched.
	 */
	public static Path departmentCsv(Path file, int rows) throws IOException {
		Files.createDirectories(file.getParent());
		Random random = new Random(20250107L);
		BigDecimal committedTotal = BigDecimal.ZERO;
		BigDecimal completedTotal = BigDecimal.ZERO;
		try (BufferedWriter csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			csv.write(title("2024-12-31") + "\n单位：万元\n");
			csv.write(String.join(",", HEADER));
			csv.write('\n');
			for (int i = 1; i <= rows; i++) {
				LedgerRow row = LedgerRow.next(random, i, "JC");
				committedTotal = committedTotal.add(row.committed());
				completedTotal = completedTotal.add(row.completed());
				csv.write(row.csv());
			}
			csv.write("合计,,,,,,," + committedTotal.toPlainString() + "," + completedTotal.toPlainString() + ",,,,\n");
		}
		return file;
	}

	private static String title(String period) {
		LocalDate end = LocalDate.parse(period);
		return "京长对口合作项目台账（截至" + end.getYear() + "年" + end.getMonthValue() + "月" + end.getDayOfMonth() + "日）";
	}

	/**
	 * Only the XLSX of {@code rows} rows at {@code file} (one department's ledger of a
	 * benchmark whose rows exceed one sheet), generated unless already there; written
	 * beside and moved into place, so an interrupted generation is never taken for a
	 * ledger.
	 */
	public static Path xlsxLedger(Path file, int rows, long seed, String codePrefix) throws IOException {
		if (Files.isRegularFile(file)) {
			return file;
		}
		Files.createDirectories(file.getParent());
		Path part = file.resolveSibling(file.getFileName() + ".part");
		new LedgerFiles(part, null, null).write(rows, seed, "2024-12-31", codePrefix);
		Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
		return file;
	}

	/**
	 * Only the department's CSV and the plain CSV of {@code rows} rows, generated unless
	 * already there: the CSV side of a benchmark whose rows exceed one sheet.
	 */
	public static LedgerFiles csvOnly(Path departmentCsv, Path plainCsv, int rows) throws IOException {
		LedgerFiles files = new LedgerFiles(null, departmentCsv, plainCsv);
		if (Files.isRegularFile(departmentCsv) && Files.isRegularFile(plainCsv)) {
			return files;
		}
		Files.createDirectories(departmentCsv.getParent());
		Files.createDirectories(plainCsv.getParent());
		files.write(rows, 20250107L, "2024-12-31", "JC");
		return files;
	}

	/** Writes the files of this record that are named (a null path is not written). */
	private void write(int rows, long seed, String period, String codePrefix) throws IOException {
		if (xlsx != null && !LedgerSplit.fitsOneSheet(rows, LedgerSplit.SHEET_ROWS)) {
			throw new IllegalArgumentException(String.format(
					"%,d rows do not fit one sheet of %,d rows with the ledger's title, unit, header and totals rows",
					rows, LedgerSplit.SHEET_ROWS));
		}
		String title = title(period);
		Random random = new Random(seed);
		BigDecimal committedTotal = BigDecimal.ZERO;
		BigDecimal completedTotal = BigDecimal.ZERO;
		try (SXSSFWorkbook workbook = xlsx == null ? null : new SXSSFWorkbook(null, 500, true);
				Writer csv = writer(departmentCsv);
				Writer plain = writer(plainCsv)) {
			Sheet sheet = workbook == null ? null : workbook.createSheet("项目台账");
			CellStyle dateStyle = null;
			if (sheet != null) {
				dateStyle = workbook.createCellStyle();
				dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
				sheet.createRow(0).createCell(0).setCellValue(title);
				sheet.createRow(1).createCell(0).setCellValue("单位：万元");
				Row header = sheet.createRow(2);
				for (int c = 0; c < HEADER.size(); c++) {
					header.createCell(c).setCellValue(HEADER.get(c));
				}
			}
			csv.write(title + "\n单位：万元\n");
			csv.write(String.join(",", HEADER));
			csv.write('\n');
			plain.write(String.join(",", HEADER));
			plain.write('\n');
			for (int i = 1; i <= rows; i++) {
				LedgerRow ledgerRow = LedgerRow.next(random, i, codePrefix);
				committedTotal = committedTotal.add(ledgerRow.committed());
				completedTotal = completedTotal.add(ledgerRow.completed());
				if (sheet != null) {
					ledgerRow.write(sheet.createRow(2 + i), dateStyle);
				}
				String line = ledgerRow.csv();
				csv.write(line);
				plain.write(line);
			}
			csv.write("合计,,,,,,," + committedTotal.toPlainString() + "," + completedTotal.toPlainString() + ",,,,\n");
			if (sheet != null) {
				Row totals = sheet.createRow(3 + rows);
				totals.createCell(0).setCellValue("合计");
				totals.createCell(7).setCellValue(committedTotal.doubleValue());
				totals.createCell(8).setCellValue(completedTotal.doubleValue());
				try (OutputStream out = Files.newOutputStream(xlsx)) {
					workbook.write(out);
				}
				workbook.dispose();
			}
		}
	}

	/** A buffered UTF-8 writer to {@code file}, or one that drops what it is given. */
	private static Writer writer(Path file) throws IOException {
		return file == null ? Writer.nullWriter() : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
	}

	/** One project of the ledger, drawn from the generator's random numbers. */
	private record LedgerRow(int number, String code, String name, String county, String field, String partner,
			String type, BigDecimal committed, BigDecimal completed, String status, LocalDate start,
			BigDecimal allocated, BigDecimal disbursed) {

		static LedgerRow next(Random random, int i, String codePrefix) {
			String code = codePrefix + String.format("%07d", i);
			String county = COUNTIES.get(random.nextInt(COUNTIES.size()));
			String field = FIELDS.get(random.nextInt(FIELDS.size()));
			String status = STATUSES.get(random.nextInt(STATUSES.size()));
			BigDecimal committed = BigDecimal.valueOf(1_000 + random.nextInt(9_000_000), 2);
			BigDecimal completed = "签约".equals(status) ? BigDecimal.ZERO
					: committed.multiply(BigDecimal.valueOf(random.nextInt(100)))
						.movePointLeft(2)
						.setScale(2, RoundingMode.DOWN);
			BigDecimal allocated = BigDecimal.valueOf(random.nextInt(50_000), 2);
			BigDecimal disbursed = allocated.multiply(BigDecimal.valueOf(random.nextInt(100)))
				.movePointLeft(2)
				.setScale(2, RoundingMode.DOWN);
			LocalDate start = LocalDate.of(2022, 5, 1).plusDays(random.nextInt(900));
			String name = county + field + "合作项目" + i;
			String partner = "北京" + (char) ('甲' + random.nextInt(10)) + "科技有限公司";
			String type = random.nextBoolean() ? "民营" : "国有";
			return new LedgerRow(i, code, name, county, field, partner, type, committed, completed, status, start,
					allocated, disbursed);
		}

		boolean started() {
			return !"签约".equals(status);
		}

		void write(Row row, CellStyle dateStyle) {
			row.createCell(0).setCellValue(number);
			row.createCell(1).setCellValue(code);
			row.createCell(2).setCellValue(name);
			row.createCell(3).setCellValue(county);
			row.createCell(4).setCellValue(field);
			row.createCell(5).setCellValue(partner);
			row.createCell(6).setCellValue(type);
			// the cell boundary: Excel stores doubles
			row.createCell(7).setCellValue(committed.doubleValue());
			row.createCell(8).setCellValue(completed.doubleValue());
			row.createCell(9).setCellValue(status);
			if (started()) {
				var cell = row.createCell(10);
				cell.setCellValue(start);
				cell.setCellStyle(dateStyle);
			}
			row.createCell(11).setCellValue(allocated.doubleValue());
			row.createCell(12).setCellValue(disbursed.doubleValue());
		}

		String csv() {
			return number + "," + code + "," + name + "," + county + "," + field + "," + partner + "," + type + ","
					+ committed.toPlainString() + "," + completed.toPlainString() + "," + status + ","
					+ (started() ? start.toString() : "") + "," + allocated.toPlainString() + ","
					+ disbursed.toPlainString() + "\n";
		}

	}

}
