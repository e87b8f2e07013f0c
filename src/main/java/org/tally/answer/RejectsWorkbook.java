package org.tally.answer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tally.answer.internal.Outcomes;
import org.tally.answer.internal.PrintedSheet;
import org.tally.figures.ExportText;
import org.tally.validate.RejectedCell;

/**
 * The rejects of a run as a workbook a department clerk can act on, printed or on screen:
 * a summary of the files, then one sheet per file with each rejected cell, its reason in
 * Chinese and then in English, and the original row beside it under the department's own
 * column headers. Chinese first throughout, English in the row or column after it.
 */
public final class RejectsWorkbook {

	/** The per-file sheet's own columns, before the original row's. */
	static final List<String> HEADER_ZH = List.of("行号", "单元格", "栏目", "原值", "原因", "原因（英文）");

	static final List<String> HEADER_EN = List.of("Row", "Cell", "Column", "Value", "Reason", "Reason (English)");

	static final List<String> SUMMARY_ZH = List.of("部门", "文件", "报告期", "处理结果", "读取行数", "入库行数", "退回行数", "有误单元格", "说明",
			"说明（英文）");

	static final List<String> SUMMARY_EN = List.of("Department", "File", "Period", "Outcome", "Rows read",
			"Rows loaded", "Rows rejected", "Rejected cells", "Details", "Details (English)");

	private RejectsWorkbook() {
	}

	/**
	 * Whether a spreadsheet could take the text for a formula (=, +, -, @, tab, CR
	 * first): such a cell gets the quote-prefix style, so a hostile cell sent in by one
	 * department cannot run in anyone's Excel, and its text stays exactly as typed.
	 */
	static boolean startsFormula(String text) {
		return ExportText.startsFormula(text);
	}

	public static void write(RejectsReport report, Path out) throws IOException {
		try (OutputStream stream = Files.newOutputStream(out)) {
			write(report, stream);
		}
	}

	/** Writes the workbook to {@code stream}, leaving it open. */
	public static void write(RejectsReport report, OutputStream stream) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			PrintedSheet.Styles styles = PrintedSheet.styles(workbook);
			Set<String> sheetNames = new HashSet<>();
			summary(new PrintedSheet(workbook.createSheet(unique("汇总 Summary", sheetNames)), styles), report);
			for (AnsweredFile file : report.files()) {
				if (!file.rejects().isEmpty()) {
					fileSheet(new PrintedSheet(workbook.createSheet(unique(baseName(file.fileName()), sheetNames)),
							styles), file);
				}
			}
			workbook.write(stream);
		}
		finally {
			workbook.close();
		}
	}

	private static void summary(PrintedSheet sheet, RejectsReport report) {
		String who = report.department() == null || report.files().isEmpty() ? ""
				: report.files().get(0).departmentName();
		sheet.title(0, who + "报送文件处理结果（Tally 运行 " + report.runId() + "）");
		sheet.subtitle(1, "What became of each file in Tally run " + report.runId()
				+ ", and why. 有误的单元格见各文件的工作表 · the rejected cells are on each file's sheet.");
		sheet.headers(2, SUMMARY_ZH, SUMMARY_EN);
		int r = 4;
		for (AnsweredFile file : report.files()) {
			Row row = sheet.row(r++);
			sheet.text(row, 0, file.departmentName());
			sheet.text(row, 1, file.fileName());
			sheet.text(row, 2, file.file().period() == null ? null : file.file().period().toString());
			sheet.text(row, 3, Outcomes.statusZh(file.file().status()));
			sheet.number(row, 4, file.file().rowsRead());
			sheet.number(row, 5, file.file().rowsLoaded());
			sheet.number(row, 6, file.file().rowsRejected());
			sheet.number(row, 7, file.rejects().size());
			sheet.text(row, 8, file.outcomeZh());
			sheet.text(row, 9, file.outcomeEn());
		}
		sheet.finish(4, List.of(16, 40, 12, 16, 10, 10, 10, 10, 44, 44));
	}

	private static void fileSheet(PrintedSheet sheet, AnsweredFile file) {
		sheet.title(0, "文件：" + file.fileName() + "    工作表：" + (file.sheet() == null ? "" : file.sheet()) + "    报告期："
				+ (file.file().period() == null ? "" : file.file().period()));
		sheet.subtitle(1, "处理结果：" + file.outcomeZh());
		sheet.subtitle(2, "Outcome: " + file.outcomeEn());
		// The original row's columns, as letters, in sheet order across all of this
		// file's rejects.
		Set<String> letters = new LinkedHashSet<>();
		file.rejects().forEach(x -> x.rowValues().keySet().forEach(ref -> letters.add(ref.replaceAll("[0-9]+$", ""))));
		List<String> columns = new ArrayList<>(letters);
		columns.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
		List<String> zh = new ArrayList<>(HEADER_ZH);
		List<String> en = new ArrayList<>(HEADER_EN);
		for (String letter : columns) {
			String header = file.letterHeader(letter);
			zh.add(header == null ? letter + "列" : header);
			en.add("Column " + letter);
		}
		sheet.headers(3, zh, en);
		int r = 5;
		for (RejectedCell reject : file.rejects()) {
			Row row = sheet.row(r++);
			sheet.number(row, 0, reject.rowNumber());
			sheet.text(row, 1, reject.cellRef());
			sheet.text(row, 2, file.columnHeader(reject.column()));
			sheet.text(row, 3, reject.rawValue());
			sheet.text(row, 4, reject.reasonZh());
			sheet.text(row, 5, reject.reasonEn());
			for (int c = 0; c < columns.size(); c++) {
				sheet.text(row, HEADER_ZH.size() + c, reject.rowValues().get(columns.get(c) + reject.rowNumber()));
			}
		}
		List<Integer> caps = new ArrayList<>(List.of(6, 8, 16, 24, 40, 40));
		columns.forEach(c -> caps.add(24));
		sheet.finish(5, caps);
	}

	private static String baseName(String name) {
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
