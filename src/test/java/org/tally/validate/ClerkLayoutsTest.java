package org.tally.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.catalog.Catalog;
import org.tally.ingest.RowKind;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.support.WorkbookBuilder;

/**
 * Given sheets laid out the way clerks write them (section headings, the header repeated
 * for printing), every row is classified as a run classifies it and only the table's own
 * rows are read: no reject for a heading or a repeated header. No database: inspection
 * alone.
 */
class ClerkLayoutsTest {

	static final Path BALANCE_CONFIG = Path.of("src/test/resources/fixtures/balance-sheet/config");

	@TempDir
	Path temp;

	@Test
	void givenABalanceSheetConfiguredByYamlAlone_itsSectionRowsAreHeadingsAndEveryItemIsRead() {
		WorkbookBuilder sheet = WorkbookBuilder.workbook()
			.sheet("资产负债表")
			.line("资产负债表")
			.line("编制单位：长治市某公司　　　2024年12月31日　　　单位：元")
			.header("资产", "行次", "期末余额", "年初余额");
		List<String> sections = List.of("流动资产：", "非流动资产：", "流动负债：", "非流动负债：", "所有者权益（或股东权益）：");
		int line = 1;
		for (String section : sections) {
			sheet.row(section);
			for (int i = 0; i < 6; i++) {
				sheet.row(section.substring(0, 2) + "项目" + (i + 1), line++, 1000.5 + i, 900 + i);
			}
		}
		sheet.row("负债和所有者权益（或股东权益）总计", line++, 99999, 88888);
		Path file = sheet.writeTo(temp.resolve("资产负债表_2024.xlsx"));

		FileInspection.Result result = inspect(Catalog.load(BALANCE_CONFIG), "company-balance-sheet", file);

		assertThat(result.quarantine()).isNull();
		assertThat(result.outline().period()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(result.rowsRead()).isEqualTo(31);
		assertThat(result.rowsRejected()).isZero();
		assertThat(result.rows()).filteredOn(r -> r.kind() == RowKind.SECTION_HEADING)
			.extracting(FileInspection.Row::row)
			.containsExactly(4, 11, 18, 25, 32);
		assertThat(result.rows().get(1).values()).containsEntry("item", "流动项目1")
			.containsEntry("line_no", "1")
			.containsEntry("closing_balance", "1000.50");
		assertThat(result.outline().header().units()).extracting(u -> u.column() + " " + u.unit() + " " + u.origin())
			.containsExactly("closing_balance 元 UNIT_LINE", "opening_balance 元 UNIT_LINE");
	}

	@Test
	void givenTheHeaderRepeatedForEachPrintedPage_theRepeatsAreSkippedNotRejected() {
		WorkbookBuilder ledger = WorkbookBuilder.ledger(LocalDate.of(2024, 12, 31));
		for (int i = 0; i < 6; i++) {
			if (i == 3) {
				ledger.row(WorkbookBuilder.LEDGER_HEADER.toArray());
			}
			ledger.row("JC2024-000" + i, "项目" + i, "潞州区", 10, "开工");
		}
		Path file = ledger.writeTo(temp.resolve("ledger.xlsx"));

		FileInspection.Result result = inspect(Catalog.load(Path.of("config")), "finance-projects", file);

		assertThat(result.rowsRead()).isEqualTo(6);
		assertThat(result.rowsRejected()).isZero();
		assertThat(result.rows()).extracting(FileInspection.Row::kind)
			.containsExactly(RowKind.DATA, RowKind.DATA, RowKind.DATA, RowKind.REPEATED_HEADER, RowKind.DATA,
					RowKind.DATA, RowKind.DATA);
	}

	@Test
	void givenTheLedgerWithItsSerialNumbersMovedToTheFarRight_itsTotalsRowIsRecognisedInTheLastColumn() {
		Path file = WorkbookBuilder.ledger(LocalDate.of(2024, 12, 31))
			.header("项目状态", "签约投资额", "所在县区", "项目名称", "项目编号", "序号")
			.row("开工", 10, "潞州区", "甲", "JC2024-0001", 1)
			.row("开工", 20, "潞州区", "乙", "JC2024-0002", 2)
			.row(null, 30, null, null, null, "合计")
			.writeTo(temp.resolve("ledger.xlsx"));

		FileInspection.Result result = inspect(Catalog.load(Path.of("config")), "finance-projects", file);

		assertThat(result.rows()).extracting(FileInspection.Row::kind)
			.containsExactly(RowKind.DATA, RowKind.DATA, RowKind.TOTALS);
		assertThat(result.rowsRejected()).isZero();
	}

	private static FileInspection.Result inspect(Catalog catalog, String source, Path file) {
		return new FileInspection(catalog, ReadLimits.defaults(), null).inspect(catalog.source(source).orElseThrow(),
				"test", file, file.getFileName().toString(), null, 100);
	}

}
