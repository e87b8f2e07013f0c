package org.tally.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;
import static org.tally.support.Runs.rows;
import static org.tally.support.WorkbookBuilder.formula;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;

/**
 * The ledger as departments really lay it out: given this workbook, the warehouse holds
 * that. Amounts are asserted in yuan, as the warehouse keeps them.
 */
@TallyTest
class LedgerLayoutTest extends InboxRunTest {

	@Test
	void givenColumnsReorderedAndNamedByOtherAliases_eachValueLandsInItsColumn() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.header("项目状态", "签约金额", "名称", "县区", "项目代码")
			.row("在建", 120, "光伏电站", "潞城区", "JC2024-0001"));

		assertThat(projects()).containsExactly(List.of("JC2024-0001", "光伏电站", "潞城区", "1200000.00", "开工"));
	}

	@Test
	void givenReorderedColumns_aRejectNamesTheCellWhereTheValueActuallyIs() {
		WorkbookBuilder ledger = WorkbookBuilder.ledger(DECEMBER).header("项目状态", "签约金额", "名称", "县区", "项目代码");
		for (int i = 0; i < 20; i++) {
			ledger.row("开工", 1, "项目" + i, "潞州区", "JC2024-" + (1000 + i));
		}
		load(ledger.row("开工", "一百二十多", "光伏电站", "潞城区", "JC2024-0001"));

		assertThat(rows(warehouse, "SELECT cell_ref, column_name, raw_value FROM registry.reject"))
			.containsExactly(List.of("B24", "committed_investment", "一百二十多"));
	}

	@Test
	void givenExtraColumns_theyAreIgnored() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.header("序号", "项目编号", "备注", "项目名称", "所在县区", "联系电话", "签约投资额", "项目状态")
			.row(1, "JC2024-0001", "重点项目", "光伏电站", "潞城区", "0355-1234567", 120, "开工"));

		assertThat(projects()).containsExactly(List.of("JC2024-0001", "光伏电站", "潞城区", "1200000.00", "开工"));
	}

	@Test
	void givenHeadersInTraditionalCharactersFullWidthAndWithLineBreaks_theyMatchTheAliases() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.header("項目編號", "項目\n名稱", "所在縣區", "簽約投資額（萬元）", "項目　狀態")
			.row("JC2024-0001", "光伏电站", "潞城区", 120, "开工"));

		assertThat(projects()).containsExactly(List.of("JC2024-0001", "光伏电站", "潞城区", "1200000.00", "开工"));
	}

	@Test
	void givenAUnitLineOf100Million_amountsAreReadInThatUnit() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.withoutLines()
			.line("京长对口合作项目台账（截至2024年12月31日）")
			.line("单位：亿元")
			.header(WorkbookBuilder.LEDGER_HEADER)
			.row("JC2024-0001", "光伏电站", "潞城区", 3.5, "开工"));

		assertThat(projects()).extracting(row -> row.get(3)).containsExactly("350000000.00");
	}

	@Test
	void givenAUnitInTheHeader_itOutranksTheUnitLineAndAUnitInTheCellOutranksBoth() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.withoutLines()
			.line("京长对口合作项目台账（截至2024年12月31日）")
			.line("单位：亿元")
			.header("项目编号", "项目名称", "所在县区", "签约投资额（万元）", "项目状态")
			.row("JC2024-0001", "光伏电站", "潞城区", 3.5, "开工")
			.row("JC2024-0002", "康养基地", "潞州区", "3.5亿", "开工"));

		assertThat(projects()).extracting(row -> row.get(3)).containsExactly("35000.00", "350000000.00");
	}

	@Test
	void givenNumbersWrittenAsText_separatorsFullWidthDigitsChineseNumeralsAndParenthesesAreRead() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.row("JC2024-0001", "千分位", "潞州区", "1,234.50", "开工")
			.row("JC2024-0002", "全角数字", "潞州区", "１２３４", "开工")
			.row("JC2024-0003", "中文数字", "潞州区", "三千五百", "开工")
			.row("JC2024-0004", "会计负数", "潞州区", "(100)", "开工"));

		assertThat(projects()).extracting(row -> row.get(3))
			.containsExactly("12345000.00", "12340000.00", "35000000.00", "-1000000.00");
	}

	@Test
	void givenPlaceholdersInAnOptionalAmount_theyAreEmpty() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.header("项目编号", "项目名称", "所在县区", "签约投资额", "项目状态", "累计完成投资")
			.row("JC2024-0001", "甲", "潞州区", 10, "开工", "—")
			.row("JC2024-0002", "乙", "潞州区", 10, "开工", "/")
			.row("JC2024-0003", "丙", "潞州区", 10, "开工", "无")
			.row("JC2024-0004", "丁", "潞州区", 10, "开工", 5));

		assertThat(rows(warehouse, "SELECT completed_investment::text FROM warehouse.projects ORDER BY row_number"))
			.containsExactly(Arrays.asList((String) null), Arrays.asList((String) null), Arrays.asList((String) null),
					List.of("50000.00"));
	}

	@Test
	void givenAnEighteenDigitCodeStoredAsText_everyDigitIsKept() {
		load(WorkbookBuilder.ledger(DECEMBER).row("140402202400000017", "长编号项目", "潞州区", 1, "开工"));

		assertThat(warehouse.strings("SELECT project_code FROM warehouse.projects"))
			.containsExactly("140402202400000017");
	}

	@Test
	void givenFormulaCells_theirCachedValuesAreLoaded() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.row("JC2024-0001", formula("\"光伏\"&\"电站\"", "光伏电站"), "潞城区", formula("100+200", 300), "开工"));

		assertThat(projects()).containsExactly(List.of("JC2024-0001", "光伏电站", "潞城区", "3000000.00", "开工"));
	}

	@Test
	void givenStartDatesAsSerialsAndAsText_eachIsTheSameDay() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.header("项目编号", "项目名称", "所在县区", "签约投资额", "项目状态", "开工日期")
			.row("JC2024-0001", "日期格式", "潞州区", 1, "开工", LocalDate.of(2024, 4, 24))
			.row("JC2024-0002", "斜杠", "潞州区", 1, "开工", "2024/4/24")
			.row("JC2024-0003", "中文日期", "潞州区", 1, "开工", "2024年4月24日"));

		assertThat(warehouse.strings("SELECT start_date::text FROM warehouse.projects ORDER BY row_number"))
			.containsExactly("2024-04-24", "2024-04-24", "2024-04-24");
	}

	@Test
	void givenAWorkbookUsingThe1904DateSystem_serialsAreReadInIt() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.date1904()
			.header("项目编号", "项目名称", "所在县区", "签约投资额", "项目状态", "开工日期")
			.row("JC2024-0001", "Mac版Excel", "潞州区", 1, "开工", LocalDate.of(2024, 4, 24)));

		assertThat(warehouse.strings("SELECT start_date::text FROM warehouse.projects")).containsExactly("2024-04-24");
	}

	@Test
	void givenStatusSynonyms_theCanonicalStatusIsStored() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.row("JC2024-0001", "甲", "潞州区", 1, "在建")
			.row("JC2024-0002", "乙", "潞州区", 1, "已竣工")
			.row("JC2024-0003", "丙", "潞州区", 1, "签约未开工")
			.row("JC2024-0004", "丁", "長子縣", 1, "開工"));

		assertThat(rows(warehouse, "SELECT county, status FROM warehouse.projects ORDER BY row_number"))
			.containsExactly(List.of("潞州区", "开工"), List.of("潞州区", "竣工"), List.of("潞州区", "签约"), List.of("长子县", "开工"));
	}

	@Test
	void givenACountyMergedOverABlockOfRows_eachRowOfTheBlockHasIt() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.row("JC2024-0001", "甲", "潞城区", 1, "开工")
			.row("JC2024-0002", "乙", null, 1, "开工")
			.row("JC2024-0003", "丙", null, 1, "开工")
			.row("JC2024-0004", "丁", "平顺县", 1, "开工")
			.merge("C4:C6"));

		assertThat(warehouse.strings("SELECT county FROM warehouse.projects ORDER BY row_number"))
			.containsExactly("潞城区", "潞城区", "潞城区", "平顺县");
	}

	@Test
	void givenTotalsAndNoteLines_onlyTheDetailRowsAreLoaded() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.row("JC2024-0001", "甲", "潞州区", 10, "开工")
			.row("小计", null, null, 10, null)
			.row("JC2024-0002", "乙", "潞州区", 20, "开工")
			.row("合計", null, null, 30, null)
			.row("合计", null, null, 30, null)
			.row("注：签约投资额为北京企业签约的社会资金。")
			.row("填报人：王敏    审核人：李强"));

		assertThat(warehouse.strings("SELECT project_code FROM warehouse.projects ORDER BY row_number"))
			.containsExactly("JC2024-0001", "JC2024-0002");
		assertThat(warehouse.count("SELECT count(*) FROM registry.reject")).isZero();
		assertThat(warehouse.strings("SELECT DISTINCT row_number::text FROM staging.totals_row ORDER BY 1"))
			.containsExactly("5", "7", "8");
	}

	@Test
	void givenTheLedgerWithReversedColumnsAndItsTotalsInTheLastColumn_theTotalsRowIsCheckedNotRejected() {
		load(WorkbookBuilder.ledger(DECEMBER)
			.header("项目状态", "签约投资额", "所在县区", "项目名称", "项目编号", "序号")
			.row("开工", 10, "潞州区", "甲", "JC2024-0001", 1)
			.row("开工", 20, "潞州区", "乙", "JC2024-0002", 2)
			.row(null, 30, null, null, null, "合计"));

		assertThat(warehouse.strings("SELECT project_code FROM warehouse.projects ORDER BY row_number"))
			.containsExactly("JC2024-0001", "JC2024-0002");
		assertThat(warehouse.count("SELECT count(*) FROM registry.reject")).isZero();
		assertThat(warehouse.strings("SELECT DISTINCT row_number::text FROM staging.totals_row")).containsExactly("6");
	}

	@Test
	void givenATitleNamingAQuarter_thePeriodIsTheQuarterEnd() {
		load(WorkbookBuilder.workbook()
			.sheet("项目台账")
			.line("2024年第四季度京长对口合作项目台账")
			.line("单位：万元")
			.header(WorkbookBuilder.LEDGER_HEADER)
			.row("JC2024-0001", "甲", "潞州区", 1, "开工"));

		assertThat(warehouse.strings("SELECT period::text FROM registry.load")).containsExactly("2024-12-31");
	}

	@Test
	void givenAHealthFileNamedWithItsDate_thePeriodComesFromTheNameAndWithoutOneItIsQuarantined() throws Exception {
		String csv = "项目编号,北京医院,长治医院,所在县区\r\n,北京朝阳医院,潞州区人民医院,潞州区\r\n";
		java.nio.file.Files.writeString(inbox.file("health/市卫健委_卫生健康对口合作_20240930.csv"), csv);
		java.nio.file.Files.writeString(inbox.file("health/市卫健委_卫生健康对口合作.csv"), csv);

		completedRun(jobs, "file-name-period");

		assertThat(rows(warehouse,
				"SELECT file_name, status, coalesce(period::text, reason) FROM registry.load ORDER BY file_name"))
			.containsExactly(
					List.of("市卫健委_卫生健康对口合作.csv", "quarantined",
							"no reporting period in the file name (expected e.g. …_2024-12-31 or 20241231)"),
					List.of("市卫健委_卫生健康对口合作_20240930.csv", "loaded", "2024-09-30"));
	}

	@Test
	void givenATitleWithoutAPeriod_theFileIsQuarantinedWithThatReason() {
		load(WorkbookBuilder.workbook()
			.sheet("项目台账")
			.line("京长对口合作项目台账")
			.line("单位：万元")
			.header(WorkbookBuilder.LEDGER_HEADER)
			.row("JC2024-0001", "甲", "潞州区", 1, "开工"));

		assertThat(rows(warehouse, "SELECT status, reason FROM registry.load")).containsExactly(List.of("quarantined",
				"no reporting period in the title rows above the header (expected e.g. 截至2024年12月31日)"));
		assertThat(warehouse.count("SELECT count(*) FROM warehouse.projects")).isZero();
	}

	@Test
	void givenTheLedgerOnASecondSheet_theSourcesSheetNameFindsIt() {
		load(WorkbookBuilder.ledger(DECEMBER).otherSheetFirst("填表说明").row("JC2024-0001", "甲", "潞州区", 1, "开工"));

		assertThat(warehouse.strings("SELECT sheet FROM registry.load")).containsExactly("项目台账");
		assertThat(warehouse.count("SELECT count(*) FROM warehouse.projects")).isOne();
	}

	@Test
	void givenALegacyXlsLedger_itReadsLikeTheXlsx() {
		WorkbookBuilder.ledger(DECEMBER)
			.row("JC2024-0001", "光伏电站", "潞城区", 120, "开工")
			.writeTo(inbox.file("finance/ledger.xls"));

		completedRun(jobs, "xls");

		assertThat(projects()).containsExactly(List.of("JC2024-0001", "光伏电站", "潞城区", "1200000.00", "开工"));
	}

	private void load(WorkbookBuilder ledger) {
		ledger.writeTo(inbox.file("finance/ledger.xlsx"));
		completedRun(jobs, "layout");
	}

	private List<List<String>> projects() {
		return rows(warehouse, """
				SELECT project_code, project_name, county, committed_investment::text, status
				FROM warehouse.projects ORDER BY row_number""");
	}

}
