package org.tally.operate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.ingest.LoadRegistry;
import org.tally.operate.internal.RejectsWorkbook;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;
import org.tally.validate.RejectLog;
import org.tally.validate.RejectedCell;

/**
 * Given a run that rejected rows (one with a hostile formula as its value), `tally
 * rejects` lists them, and the workbook for the department has one sheet per file with
 * the cell, the column, the value, both reasons and the original row beside it, every
 * formula-like text neutralised.
 */
@TallyTest
class RejectsReportTest extends InboxRunTest {

	@Autowired
	RejectLog rejectLog;

	@Autowired
	LoadRegistry registry;

	@TempDir
	Path temp;

	long runId;

	@BeforeEach
	void aRunWithRejects() {
		WorkbookBuilder ledger = WorkbookBuilder.ledger(LocalDate.of(2024, 12, 31))
			.row("JC2024-0001", "=HYPERLINK(\"http://evil\",\"点击\")", "=cmd|' /C calc'!A0", 100, "开工")
			.row("JC2024-0002", "项目乙", "潞州区", "-12x", "开工");
		for (int i = 0; i < 38; i++) {
			ledger.row("JC2024-" + (1000 + i), "项目" + i, "潞州区", 100, "开工");
		}
		ledger.writeTo(inbox.file("finance/ledger-2024-12-31.xlsx"));
		WorkbookBuilder.workbook()
			.sheet("科技成果转化")
			.line("科技成果转化情况（截至2024年12月31日）")
			.header("成果编号", "成果名称", "所在县区", "合同金额")
			.row("KJ-001", "成果一", "潞州区", 1000)
			.row("KJ-002", "成果二", "火星", 2000)
			.writeTo(inbox.file("science/transfers-2024-12-31.xlsx"));
		runId = completedRun(jobs, "rejects-report");
	}

	@Test
	void givenTheRun_theRejectLogHasEachCellWithItsOriginalRowInColumnOrder() {
		List<RejectedCell> rejects = rejectLog.rejects(runId);

		assertThat(rejectLog.latestRun()).contains(runId);
		assertThat(rejects).extracting(RejectedCell::filePath, RejectedCell::cellRef, RejectedCell::column)
			.containsExactly(Tuple.tuple("finance/ledger-2024-12-31.xlsx", "C4", "county"),
					Tuple.tuple("finance/ledger-2024-12-31.xlsx", "D5", "committed_investment"),
					Tuple.tuple("science/transfers-2024-12-31.xlsx", "C4", "county"));
		assertThat(rejects.get(1).rowValues()).containsExactly(Map.entry("A5", "JC2024-0002"), Map.entry("B5", "项目乙"),
				Map.entry("C5", "潞州区"), Map.entry("D5", "-12x"), Map.entry("E5", "开工"));
	}

	@Test
	void givenTheRun_theTableAndJsonNameCellValueAndBothReasons() {
		List<RejectedCell> rejects = rejectLog.rejects(runId);

		assertThat(RejectsCommand.table(runId, rejects)).contains("Run " + runId + ": 3 rejected cells")
			.contains("finance/ledger-2024-12-31.xlsx", "D5", "committed_investment", "-12x", "签约投资额：不是有效的数字",
					"committed_investment: not a number");
		assertThat(RejectsCommand.json(rejects)).contains("\"cell\" : \"D5\"", "\"reasonZh\" : \"签约投资额：不是有效的数字\"",
				"\"rowValues\" : {");
	}

	@Test
	void givenTheRun_theWorkbookHasASummaryAndOneSheetPerFileWithFormulasNeutralised() throws Exception {
		Path out = temp.resolve("rejects.xlsx");

		RejectsWorkbook.write(runId, rejectLog.rejects(runId), registry.files(runId), out);

		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
			assertThat(sheetNames(workbook)).containsExactly("汇总 Summary", "ledger-2024-12-31", "transfers-2024-12-31");
			Sheet ledger = workbook.getSheet("ledger-2024-12-31");
			assertThat(text(ledger.getRow(0))).containsExactly("文件 File：finance/ledger-2024-12-31.xlsx");
			assertThat(text(ledger.getRow(3))).containsExactly("行 Row", "单元格 Cell", "列 Column", "原值 Value", "原因",
					"Reason", "原行 A", "原行 B", "原行 C", "原行 D", "原行 E");
			List<String> hostile = text(ledger.getRow(4));
			// Formula-like text stays exactly as typed, marked as text by its style, not
			// by
			// a visible apostrophe.
			assertThat(hostile.subList(0, 4)).containsExactly("4", "C4", "county", "=cmd|' /C calc'!A0");
			assertThat(ledger.getRow(4).getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
			// the reason quotes the value; it does not start with it
			assertThat(hostile.get(4)).startsWith("所在县区不是有效取值：=cmd|' /C calc'!A0");
			assertThat(ledger.getRow(4).getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(hostile.subList(6, 11)).containsExactly("JC2024-0001", "=HYPERLINK(\"http://evil\",\"点击\")",
					"=cmd|' /C calc'!A0", "100.0", "开工");
			assertThat(ledger.getRow(4).getCell(7).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(text(ledger.getRow(5)).subList(0, 4)).containsExactly("5", "D5", "committed_investment", "-12x");
			assertThat(ledger.getRow(5).getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
			// No cell anywhere is a formula.
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
				}
			}
			Sheet summary = workbook.getSheet("汇总 Summary");
			assertThat(text(summary.getRow(3))).startsWith("finance", "finance/ledger-2024-12-31.xlsx", "2024-12-31",
					"已入库 loaded", "40", "38", "2", "2");
		}
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(s -> names.add(s.getSheetName()));
		return names;
	}

	private static List<String> text(Row row) {
		DataFormatter formatter = new DataFormatter();
		List<String> cells = new ArrayList<>();
		row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
		return cells;
	}

}
