package org.tally.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;
import static org.tally.support.Runs.rows;
import static org.tally.support.WorkbookBuilder.error;

import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;

/**
 * Given a ledger with one broken row of each kind, each is rejected with the file, sheet,
 * cell, column, raw value and a reason in Chinese and English, and the other rows load.
 */
@TallyTest
class RowRejectsTest extends InboxRunTest {

	/**
	 * 100 good ledger rows (JC2024-1000…1099), so five bad rows stay under the 5% limit.
	 */
	static WorkbookBuilder withGoodRows(WorkbookBuilder ledger) {
		for (int i = 0; i < 100; i++) {
			ledger.row("JC2024-" + (1000 + i), "项目" + i, "潞州区", 100, "开工");
		}
		return ledger;
	}

	@Test
	void givenOneBrokenRowOfEachKind_eachIsRejectedAtItsCellWithABilingualReason() {
		withGoodRows(WorkbookBuilder.ledger(DECEMBER)
			.row("JC2024-0001", "项目甲", "潞州区", 3500, "开工")
			.row("JC2024-0002", null, "上党区", 100, "签约")
			.row("JC2024-0003", "项目丙", "屯留区", "12x万", "开工")
			.row("JC2024-0004", "项目丁", "朝阳区", 100, "开工")
			.row("JC2024-0001", "项目甲（重报）", "潞州区", 200, "开工")
			.row("JC2024-0005", "项目戊", "潞城区", error("1/0", FormulaError.DIV0), "开工"))
			.writeTo(inbox.file("finance/ledger-2024-12-31.xlsx"));

		completedRun(jobs, "broken-rows");

		assertThat(rows(warehouse, """
				SELECT r.sheet, r.row_number::text, r.cell_ref, r.column_name, r.raw_value, r.reason_zh, r.reason_en
				FROM registry.reject r JOIN registry.load l ON l.id = r.load_id
				WHERE l.file_name = 'ledger-2024-12-31.xlsx' ORDER BY r.row_number, r.cell_ref""")).containsExactly(
				Arrays.asList("项目台账", "5", "B5", "project_name", null, "必填项为空：项目名称",
						"required value missing: project_name"),
				Arrays.asList("项目台账", "6", "D6", "committed_investment", "12x万", "签约投资额：不是有效的数字",
						"committed_investment: not a number"),
				Arrays.asList("项目台账", "7", "C7", "county", "朝阳区",
						"所在县区不是有效取值：朝阳区（可填：潞州区、上党区、屯留区、潞城区、襄垣县、平顺县、黎城县、壶关县、长子县、武乡县、沁县、沁源县）",
						"county: unknown value 朝阳区 (expected one of 潞州区, 上党区, 屯留区, 潞城区, 襄垣县, 平顺县, 黎城县, 壶关县, 长子县, 武乡县, 沁县, 沁源县)"),
				Arrays.asList("项目台账", "8", "A8", "project_code", "JC2024-0001", "重复的项目编号：JC2024-0001",
						"duplicate key [JC2024-0001] in this file"),
				Arrays.asList("项目台账", "9", "D9", "committed_investment", "#DIV/0!", "单元格公式错误（#DIV/0!）",
						"formula error in cell (#DIV/0!)"));
		assertThat(warehouse.strings("SELECT row_values::text FROM registry.reject WHERE cell_ref = 'C7'"))
			.singleElement()
			.isEqualTo(
					"{\"A7\": \"JC2024-0004\", \"B7\": \"项目丁\", \"C7\": \"朝阳区\", \"D7\": \"100.0\", \"E7\": \"开工\"}");
		assertThat(rows(warehouse, """
				SELECT status, rows_read::text, rows_loaded::text, rows_rejected::text, is_current::text
				FROM registry.load WHERE file_name = 'ledger-2024-12-31.xlsx'"""))
			.containsExactly(List.of("loaded", "106", "101", "5", "true"));
		// The staging writer saw JC2024-0001 twice, so promotion searched for repeats
		// itself: of the 102 rows staged, the repeat moved to the rejects, and the rows
		// left are recorded as repeating no key, so the unique check counts them.
		assertThat(warehouse.strings("""
				SELECT keys_distinct::text || ' ' || rows_staged FROM registry.load
				WHERE file_name = 'ledger-2024-12-31.xlsx'""")).containsExactly("true 102");
		assertThat(warehouse.count("SELECT count(*) FROM warehouse.projects WHERE project_code = 'JC2024-0001'"))
			.isOne();
		assertThat(warehouse
			.decimal("SELECT committed_investment FROM warehouse.projects WHERE project_code = 'JC2024-0001'"))
			.isEqualByComparingTo("35000000");
	}

	@Test
	void givenARowWithTwoProblems_bothAreRecordedAndTheRowCountsOnce() {
		withGoodRows(WorkbookBuilder.ledger(DECEMBER).row("JC2024-0001", null, "朝阳区", 100, "开工"))
			.writeTo(inbox.file("finance/ledger-2024-12-31.xlsx"));

		completedRun(jobs, "two-problems");

		assertThat(warehouse.strings("SELECT cell_ref FROM registry.reject ORDER BY cell_ref")).containsExactly("B4",
				"C4");
		assertThat(warehouse.strings("SELECT rows_rejected::text FROM registry.load")).containsExactly("1");
	}

	@Test
	void givenANulCharacterInACell_onlyThatRowIsRejectedAndTheFileLoads() {
		// Excel-style escapes decode to U+0000 (POI itself writes '?'): PostgreSQL text
		// cannot hold it.
		Path file = withGoodRows(WorkbookBuilder.ledger(DECEMBER).row("JC2024-0001", "项目NUL甲", "潞州区", 100, "开工"))
			.writeTo(inbox.file("finance/ledger-2024-12-31.xlsx"));
		replaceInSharedStrings(file, "项目NUL甲", "项目_x0000_甲");

		completedRun(jobs, "nul-character");

		assertThat(rows(warehouse, "SELECT cell_ref, raw_value, reason_en FROM registry.reject"))
			.containsExactly(List.of("B4", "项目␀甲", "project_name: the cell contains a NUL character (U+0000)"));
		assertThat(warehouse.strings("SELECT status FROM registry.load")).containsExactly("loaded");
	}

	@Test
	void givenAnAmountTooLargeForTheWarehouse_onlyThatRowIsRejected() {
		// 200 trillion 万元 is 2×10^18 yuan: numeric(20,2) would refuse it and fail the
		// file's COPY.
		withGoodRows(WorkbookBuilder.ledger(DECEMBER).row("JC2024-0001", "项目甲", "潞州区", 200_000_000_000_000L, "开工"))
			.writeTo(inbox.file("finance/ledger-2024-12-31.xlsx"));

		completedRun(jobs, "huge-amount");

		assertThat(rows(warehouse, "SELECT cell_ref, reason_en FROM registry.reject")).containsExactly(
				List.of("D4", "committed_investment: amount out of range (at most 999999999999999999.99 yuan)"));
		assertThat(warehouse.strings("SELECT status FROM registry.load")).containsExactly("loaded");
	}

	/**
	 * Rewrites the workbook's shared strings part, as a file from another tool could have
	 * it.
	 */
	private static void replaceInSharedStrings(Path workbook, String from, String to) {
		try {
			Path rewritten = workbook.resolveSibling(workbook.getFileName() + ".tmp");
			try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(workbook));
					var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(rewritten))) {
				for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
					byte[] bytes = in.readAllBytes();
					if (entry.getName().equals("xl/sharedStrings.xml")) {
						bytes = new String(bytes, StandardCharsets.UTF_8).replace(from, to)
							.getBytes(StandardCharsets.UTF_8);
					}
					out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
					out.write(bytes);
					out.closeEntry();
				}
			}
			Files.move(rewritten, workbook, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
