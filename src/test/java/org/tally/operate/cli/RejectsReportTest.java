package org.tally.operate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.tally.answer.DepartmentRejects;
import org.tally.answer.MarkedCopies;
import org.tally.answer.MarkedCopy;
import org.tally.answer.RejectsWorkbook;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;
import org.tally.validate.RejectLog;
import org.tally.validate.RejectedCell;

/**
 * Given a run that rejected rows (one with a hostile formula as its value), `tally
 * rejects` lists them, the workbook for the department has one sheet per file with the
 * cell, the column under the department's own header, the value, both reasons and the
 * original row beside it, every formula-like text neutralised, and each file comes back
 * marked.
 */
@TallyTest
class RejectsReportTest extends InboxRunTest {

	@Autowired
	RejectLog rejectLog;

	@Autowired
	DepartmentRejects departmentRejects;

	@Autowired
	MarkedCopies markedCopies;

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
		WorkbookBuilder.transfersWithAnUnknownCounty().writeTo(inbox.file("science/transfers-2024-12-31.xlsx"));
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

		RejectsWorkbook.write(departmentRejects.of(runId), out);

		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
			assertThat(sheetNames(workbook)).containsExactly("汇总 Summary", "ledger-2024-12-31", "transfers-2024-12-31");
			Sheet ledger = workbook.getSheet("ledger-2024-12-31");
			assertThat(text(ledger.getRow(0)))
				.containsExactly("文件：ledger-2024-12-31.xlsx    工作表：项目台账    报告期：2024-12-31");
			// the department's own header texts, as its sheet has them
			assertThat(text(ledger.getRow(3))).containsExactly("行号", "单元格", "栏目", "原值", "原因", "原因（英文）", "项目编号", "项目名称",
					"所在县区", "签约投资额", "项目状态");
			List<String> hostile = text(ledger.getRow(5));
			// Formula-like text stays exactly as typed, marked as text by its style, not
			// by a visible apostrophe.
			assertThat(hostile.subList(0, 4)).containsExactly("4", "C4", "所在县区", "=cmd|' /C calc'!A0");
			assertThat(ledger.getRow(5).getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
			// the reason quotes the value; it does not start with it
			assertThat(hostile.get(4)).startsWith("所在县区不是有效取值：=cmd|' /C calc'!A0");
			assertThat(ledger.getRow(5).getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(hostile.subList(6, 11)).containsExactly("JC2024-0001", "=HYPERLINK(\"http://evil\",\"点击\")",
					"=cmd|' /C calc'!A0", "100.0", "开工");
			assertThat(ledger.getRow(5).getCell(7).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(text(ledger.getRow(6)).subList(0, 4)).containsExactly("5", "D5", "签约投资额", "-12x");
			assertThat(ledger.getRow(6).getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
			// No cell anywhere is a formula.
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
				}
			}
			Sheet summary = workbook.getSheet("汇总 Summary");
			assertThat(text(summary.getRow(4))).startsWith("市财政局", "ledger-2024-12-31.xlsx", "2024-12-31", "已入库", "40",
					"38", "2", "2", "已入库：40行中38行入库，2行有误未入库");
			// one of two rows is over the science source's 5%: the whole file goes back
			assertThat(text(summary.getRow(5))).startsWith("市科技局", "transfers-2024-12-31.xlsx", "2024-12-31", "整表退回",
					"2", "0", "1", "1", "整表退回：2行中1行有误，超过5%的上限，上期数据继续有效",
					"1 of 2 rows rejected (50%), above the source's limit of 5%; the previous load stays current");
		}
	}

	@Test
	void givenTheRun_eachFileWithRejectsComesBackMarkedUnderItsOwnName() throws Exception {
		List<MarkedCopy> copies = markedCopies.writeAll(departmentRejects.of(runId), temp.resolve("marked"));

		assertThat(copies).allMatch(MarkedCopy::available);
		try (Stream<Path> written = Files.list(temp.resolve("marked"))) {
			assertThat(written.map(p -> p.getFileName().toString()))
				.containsExactlyInAnyOrder("标注_ledger-2024-12-31.xlsx", "标注_transfers-2024-12-31.xlsx");
		}
		try (XSSFWorkbook marked = new XSSFWorkbook(
				Files.newInputStream(temp.resolve("marked/标注_ledger-2024-12-31.xlsx")))) {
			Sheet sheet = marked.getSheet("项目台账");
			assertThat(sheet.getRow(4).getCell(3).getCellComment().getString().getString())
				.isEqualTo("签约投资额：不是有效的数字\ncommitted_investment: not a number");
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
