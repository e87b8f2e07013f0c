package org.tally.operate.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tally.figures.ExportText;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadStatus;
import org.tally.validate.RejectedCell;

/**
 * The rejects of a run as a workbook an operator e-mails back to a department: a summary
 * of the run's files, then one sheet per file with each rejected cell, its reason in
 * Chinese and English, and the original row beside it, column by column as the
 * department's sheet has it.
 */
public final class RejectsWorkbook {

	static final List<String> HEADER = List.of("行 Row", "单元格 Cell", "列 Column", "原值 Value", "原因", "Reason");

	private RejectsWorkbook() {
	}

	/**
	 * Whether a spreadsheet could take the text for a formula (=, +, -, @, tab, CR
	 * first): such a cell gets the quote-prefix style, so a hostile cell sent in by one
	 * department cannot run in the operator's Excel, and its text stays exactly as typed.
	 */
	static boolean startsFormula(String text) {
		return ExportText.startsFormula(text);
	}

	/**
	 * The bold style of titles and headers, and the quote-prefix style of formula-like
	 * text.
	 */
	private record Styles(CellStyle bold, CellStyle quoted) {
	}

	public static void write(long runId, List<RejectedCell> rejects, List<FileRecord> files, Path out)
			throws IOException {
		try (OutputStream stream = Files.newOutputStream(out)) {
			write(runId, rejects, files, stream);
		}
	}

	/** Writes the workbook to {@code stream}, leaving it open. */
	public static void write(long runId, List<RejectedCell> rejects, List<FileRecord> files, OutputStream stream)
			throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			CellStyle boldStyle = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			boldStyle.setFont(font);
			CellStyle quoted = workbook.createCellStyle();
			quoted.setQuotePrefixed(true);
			Styles bold = new Styles(boldStyle, quoted);
			Styles plain = new Styles(null, quoted);
			Set<String> sheetNames = new HashSet<>();
			summary(workbook.createSheet(unique("汇总 Summary", sheetNames)), runId, files, rejects, bold, plain);
			Map<Long, List<RejectedCell>> byFile = new LinkedHashMap<>();
			rejects.forEach(r -> byFile.computeIfAbsent(r.loadId(), id -> new ArrayList<>()).add(r));
			for (List<RejectedCell> fileRejects : byFile.values()) {
				RejectedCell first = fileRejects.get(0);
				String name = fileName(first.filePath());
				fileSheet(workbook.createSheet(unique(name, sheetNames)), fileRejects, bold, plain);
			}
			workbook.write(stream);
		}
		finally {
			workbook.close();
		}
	}

	private static void summary(Sheet sheet, long runId, List<FileRecord> files, List<RejectedCell> rejects,
			Styles bold, Styles plain) {
		int r = 0;
		text(sheet.createRow(r++), 0, "Tally 运行 run " + runId + "：退回数据 rejects", bold);
		r++;
		Row header = sheet.createRow(r++);
		List<String> titles = List.of("部门 Department", "文件 File", "报告期 Period", "状态 Status", "读取行 Rows read",
				"入库行 Rows loaded", "退回行 Rows rejected", "退回单元格 Rejected cells", "说明 Reason");
		for (int c = 0; c < titles.size(); c++) {
			text(header, c, titles.get(c), bold);
		}
		List<FileRecord> oldestFirst = new ArrayList<>(files);
		oldestFirst.sort(Comparator.comparingLong(FileRecord::loadId));
		for (FileRecord file : oldestFirst) {
			if (file.status() == LoadStatus.DUPLICATE) {
				continue;
			}
			long cells = rejects.stream().filter(x -> x.loadId() == file.loadId()).count();
			Row row = sheet.createRow(r++);
			text(row, 0, file.department(), plain);
			text(row, 1, file.filePath(), plain);
			text(row, 2, file.period() == null ? null : file.period().toString(), plain);
			text(row, 3, statusText(file.status()), plain);
			number(row, 4, file.rowsRead());
			number(row, 5, file.rowsLoaded());
			number(row, 6, file.rowsRejected());
			number(row, 7, (int) cells);
			text(row, 8, file.reason(), plain);
		}
		sheet.setColumnWidth(1, 60 * 256);
		sheet.setColumnWidth(8, 80 * 256);
	}

	private static void fileSheet(Sheet sheet, List<RejectedCell> rejects, Styles bold, Styles plain) {
		RejectedCell first = rejects.get(0);
		int r = 0;
		text(sheet.createRow(r++), 0, "文件 File：" + first.filePath(), bold);
		text(sheet.createRow(r++), 0,
				"工作表 Sheet：" + (first.sheet() == null ? "" : first.sheet()) + "    报告期 Period："
						+ (first.period() == null ? "" : first.period()) + "    状态 Status："
						+ statusText(LoadStatus.fromSql(first.loadStatus())),
				plain);
		r++;
		// The original row's columns, as letters, in sheet order across all of this
		// file's rejects.
		Set<String> letters = new LinkedHashSet<>();
		rejects.forEach(x -> x.rowValues().keySet().forEach(ref -> letters.add(ref.replaceAll("[0-9]+$", ""))));
		List<String> columns = new ArrayList<>(letters);
		columns.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
		Row header = sheet.createRow(r++);
		for (int c = 0; c < HEADER.size(); c++) {
			text(header, c, HEADER.get(c), bold);
		}
		for (int c = 0; c < columns.size(); c++) {
			text(header, HEADER.size() + c, "原行 " + columns.get(c), bold);
		}
		for (RejectedCell reject : rejects) {
			Row row = sheet.createRow(r++);
			number(row, 0, reject.rowNumber());
			text(row, 1, reject.cellRef(), plain);
			text(row, 2, reject.column(), plain);
			text(row, 3, reject.rawValue(), plain);
			text(row, 4, reject.reasonZh(), plain);
			text(row, 5, reject.reasonEn(), plain);
			for (int c = 0; c < columns.size(); c++) {
				text(row, HEADER.size() + c, reject.rowValues().get(columns.get(c) + reject.rowNumber()), plain);
			}
		}
		sheet.setColumnWidth(4, 50 * 256);
		sheet.setColumnWidth(5, 50 * 256);
		sheet.createFreezePane(0, 4);
	}

	private static String statusText(LoadStatus status) {
		return switch (status) {
			case LOADED -> "已入库 loaded";
			case SUPERSEDED -> "已被更正版替换 superseded";
			case REJECTED -> "整表退回 rejected (too many bad rows)";
			case QUARANTINED -> "无法读取，已隔离 quarantined";
			case DUPLICATE -> "重复文件 duplicate";
			case PENDING, STAGED -> "处理中 " + status.sql();
			case ABANDONED -> "已放弃 abandoned";
		};
	}

	private static void text(Row row, int column, String value, Styles styles) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		if (startsFormula(value)) {
			cell.setCellStyle(styles.quoted());
		}
		else if (styles.bold() != null) {
			cell.setCellStyle(styles.bold());
		}
	}

	private static void number(Row row, int column, Integer value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

	private static String fileName(String path) {
		int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		String name = path.substring(slash + 1);
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	/**
	 * Excel sheet names: at most 31 characters, none of []:*?/\, unique ignoring case.
	 */
	private static String unique(String wanted, Set<String> taken) {
		// A sheet name cannot start with an apostrophe, so formula-like leading
		// characters are dropped.
		String stripped = wanted.replaceFirst("^[=+\\-@\t\r']+", "").strip();
		String base = WorkbookUtil.createSafeSheetName(stripped.isEmpty() ? "file" : stripped).strip();
		String name = base;
		for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
			String suffix = " (" + n + ")";
			name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
		}
		taken.add(name.toLowerCase(Locale.ROOT));
		return name;
	}

}
