package org.tally.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.seeds.InboxFiles.LEDGER_DEC;
import static org.tally.seeds.InboxFiles.LEDGER_JUN;
import static org.tally.seeds.InboxFiles.ledger;
import static org.tally.seeds.InboxFiles.money;
import static org.tally.seeds.InboxFiles.sum;
import static org.tally.seeds.InboxFiles.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finance ledger carries the press figures: 140 projects, 87 started, 600余亿元, 约110亿元.
 */
class LedgerSeedTest {

	@TempDir
	static Path inbox;
	static Workbook december;
	static Workbook june;
	static List<InboxFiles.LedgerLine> dec;
	static List<InboxFiles.LedgerLine> jun;

	static final Set<String> COUNTIES = Set.copyOf(SampleNames.COUNTIES);

	@BeforeAll
	static void generate() throws Exception {
		new SeedGenerator(SeedGenerator.DEFAULT_SEED).generate(inbox);
		december = InboxFiles.open(inbox.resolve(LEDGER_DEC));
		june = InboxFiles.open(inbox.resolve(LEDGER_JUN));
		dec = ledger(december.getSheet("项目台账"));
		jun = ledger(june.getSheet("项目台账"));
	}

	@AfterAll
	static void close() throws Exception {
		december.close();
		june.close();
	}

	@Test
	void givenTheYearEndLedger_itsLayoutIsTitleUnitHeaderThenDetails() {
		Sheet sheet = december.getSheet("项目台账");
		assertThat(text(sheet.getRow(0), 0)).isEqualTo("京长对口合作项目台账（截至2024年12月31日）");
		assertThat(sheet.getMergedRegions()).anySatisfy(m -> assertThat(m.formatAsString()).isEqualTo("A1:M1"));
		assertThat(text(sheet.getRow(1), 0)).isEqualTo("单位：万元");
		assertThat(IntStream.range(0, 13).mapToObj(c -> text(sheet.getRow(2), c)).toList()).containsExactly("序号",
				"项目编号", "项目名称", "所在县区", "合作领域", "北京合作方", "合作方性质", "签约投资额", "累计完成投资", "项目状态", "开工日期", "对口资金安排",
				"对口资金拨付");
		assertThat(text(june.getSheet("项目台账").getRow(0), 0)).isEqualTo("京长对口合作项目台账（截至2024年6月30日）");
	}

	@Test
	void givenTheLedgerWorkbooks_theVisibleSheetsAreTheLedgerAndInstructionsAndTheDictionaryIsHidden() {
		for (Workbook wb : List.of(december, june)) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(3);
			assertThat(wb.getSheetName(0)).isEqualTo("项目台账");
			assertThat(wb.getSheetName(1)).isEqualTo("填表说明");
			assertThat(wb.getSheetName(2)).isEqualTo("数据字典");
			assertThat(wb.isSheetHidden(0)).isFalse();
			assertThat(wb.isSheetHidden(1)).isFalse();
			assertThat(wb.isSheetHidden(2)).isTrue();
			assertThat(wb.getSheetAt(1).getLastRowNum()).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void givenTheYearEndLedger_thereAre140ProjectsNumberedInOrder() {
		assertThat(dec).hasSize(140);
		assertThat(dec.stream().map(InboxFiles.LedgerLine::code).toList())
			.isEqualTo(IntStream.rangeClosed(1, 140).mapToObj(i -> String.format("JC2023-%04d", i)).toList());
		Sheet sheet = december.getSheet("项目台账");
		List<String> serials = dec.stream().map(l -> text(sheet.getRow(l.rowIndex()), 0)).toList();
		assertThat(serials).isEqualTo(IntStream.rangeClosed(1, 140).mapToObj(Integer::toString).toList());
		assertThat(dec.stream().map(InboxFiles.LedgerLine::name).distinct()).hasSize(140);
	}

	@Test
	void givenTheYearEndLedger_87ProjectsStartedOfWhich16CompletedAnd53AreSignedOnly() {
		Map<String, Long> byStatus = dec.stream()
			.collect(Collectors.groupingBy(InboxFiles.LedgerLine::statusText, Collectors.counting()));
		assertThat(byStatus)
			.containsExactlyInAnyOrderEntriesOf(Map.of("开工", 66L, "在建", 3L, "已开工", 2L, "竣工", 16L, "签约", 53L));
		assertThat(dec.stream().filter(InboxFiles.LedgerLine::started)).hasSize(87);
	}

	@Test
	void givenTheYearEndLedger_committedCapitalTotalsExactly6023745WanYuanAndCompleted1098563Point25() {
		assertThat(sum(dec.stream().map(InboxFiles.LedgerLine::committed).toList())).isEqualByComparingTo("6023745.00");
		assertThat(sum(dec.stream().map(InboxFiles.LedgerLine::completed).toList())).isEqualByComparingTo("1098563.25");
		// 600余亿元 and 约110亿元 once converted from 万元 to yuan.
		BigDecimal committedYuan = new BigDecimal("6023745.00").multiply(new BigDecimal("10000"));
		assertThat(committedYuan).isEqualByComparingTo("60237450000.00");
	}

	@Test
	void givenAnyProject_completedInvestmentIsPositiveExactlyWhenStartedAndNeverAboveCommitted() {
		for (var lines : List.of(dec, jun)) {
			for (var l : lines) {
				if (l.started()) {
					assertThat(l.completed()).as(l.code()).isPositive().isLessThanOrEqualTo(l.committed());
				}
				else {
					assertThat(l.completed()).as(l.code()).isNull();
				}
				assertThat(l.committed()).as(l.code()).isPositive();
			}
		}
	}

	@Test
	void givenBothLedgers_allTwelveCountiesHaveProjects() {
		assertThat(dec.stream().map(InboxFiles.LedgerLine::county).collect(Collectors.toSet())).isEqualTo(COUNTIES);
		assertThat(jun.stream().map(InboxFiles.LedgerLine::county).collect(Collectors.toSet())).isEqualTo(COUNTIES);
	}

	@Test
	void givenTheLedgers_fieldsAndPartnerNaturesComeFromTheAgreedLists() {
		for (var l : dec) {
			assertThat(l.field()).isIn(SampleNames.FIELDS);
			assertThat(l.nature()).isIn("民营", "国有");
		}
	}

	@Test
	void givenStartedProjects_theyCarryAStartDateAsADateCellExceptTwoTypedAsText() {
		for (var lines : List.of(dec, jun)) {
			for (var l : lines) {
				if (l.started()) {
					assertThat(l.start()).as(l.code()).isNotNull();
				}
				else {
					assertThat(l.start()).as(l.code()).isNull();
				}
			}
		}
		List<String> textDates = dec.stream()
			.filter(l -> l.start() instanceof String)
			.map(l -> (String) l.start())
			.toList();
		assertThat(textDates).hasSize(2).allSatisfy(t -> assertThat(t).matches("\\d{4}年\\d{1,2}月\\d{1,2}日"));
		for (var l : dec) {
			LocalDate start = l.start() instanceof String s ? InboxFiles.parseChineseDate(s) : (LocalDate) l.start();
			if (start != null) {
				assertThat(start).isBefore(LocalDate.of(2025, 1, 1)).isAfter(LocalDate.of(2022, 1, 1));
			}
		}
	}

	@Test
	void givenTheYearEndLedger_fiveMoneyCellsAreTextWithThousandsSeparators() {
		Sheet sheet = december.getSheet("项目台账");
		List<String> texts = dec.stream()
			.flatMap(l -> IntStream.of(7, 8, 11, 12)
				.filter(c -> InboxFiles.isText(sheet.getRow(l.rowIndex()), c))
				.mapToObj(c -> text(sheet.getRow(l.rowIndex()), c)))
			.toList();
		assertThat(texts).hasSize(5).allSatisfy(t -> assertThat(t).matches("\\d{1,3}(,\\d{3})+\\.\\d{2}"));
	}

	@Test
	void givenTheYearEndLedger_oneCompletelyBlankRowSitsAmongTheDetails() {
		Sheet sheet = december.getSheet("项目台账");
		int first = dec.get(0).rowIndex();
		int last = dec.get(dec.size() - 1).rowIndex();
		List<Integer> blanks = IntStream.rangeClosed(first, last)
			.filter(r -> InboxFiles.isBlankRow(sheet.getRow(r)))
			.boxed()
			.toList();
		assertThat(blanks).hasSize(1);
		assertThat(blanks.get(0)).isBetween(first + 20, last - 20);
	}

	@Test
	void givenTheTotalsRow_itsCachedSumsEqualTheDetailSumsAndTwoNotesFollow() {
		for (var entry : Map.of(december, dec, june, jun).entrySet()) {
			Sheet sheet = entry.getKey().getSheet("项目台账");
			var lines = entry.getValue();
			int totalsRow = lines.get(lines.size() - 1).rowIndex() + 1;
			Row totals = sheet.getRow(totalsRow);
			assertThat(text(totals, 0)).isEqualTo("合计");
			for (int c : List.of(7, 8, 11, 12)) {
				assertThat(totals.getCell(c).getCellType()).isEqualTo(CellType.FORMULA);
				assertThat(totals.getCell(c).getCellFormula()).startsWith("SUM(");
			}
			Map<Integer, Function<InboxFiles.LedgerLine, BigDecimal>> columns = Map.of(7,
					InboxFiles.LedgerLine::committed, 8, InboxFiles.LedgerLine::completed, 11,
					InboxFiles.LedgerLine::arranged, 12, InboxFiles.LedgerLine::paid);
			columns.forEach((c, f) -> assertThat(money(totals, c)).as("column " + c)
				.isEqualByComparingTo(sum(lines.stream().map(f).toList())));
			assertThat(text(sheet.getRow(totalsRow + 1), 0)).isEqualTo("注：签约投资额为北京企业签约的社会资金，累计完成投资为截至统计日的完成额。");
			assertThat(text(sheet.getRow(totalsRow + 2), 0)).startsWith("填报人：王敏    审核人：李强    填报日期：");
		}
		int decTotals = dec.get(dec.size() - 1).rowIndex() + 1;
		assertThat(text(december.getSheet("项目台账").getRow(decTotals + 2), 0)).endsWith("填报日期：2025年1月5日");
		int junTotals = jun.get(jun.size() - 1).rowIndex() + 1;
		assertThat(text(june.getSheet("项目台账").getRow(junTotals + 2), 0)).endsWith("填报日期：2024年7月5日");
	}

	@Test
	void givenPairingFunds_theyGoToEducationAndHealthProjectsAndAboutTenOthersAndPaidNeverExceedsArranged() {
		for (var l : dec) {
			boolean educationOrHealth = l.field().equals("教育") || l.field().equals("医疗卫生");
			if (educationOrHealth) {
				assertThat(l.arranged()).as(l.code()).isPositive();
			}
			if (l.arranged() != null) {
				assertThat(l.paid()).as(l.code()).isNotNull().isLessThanOrEqualTo(l.arranged());
			}
		}
		long others = dec.stream()
			.filter(l -> !l.field().equals("教育") && !l.field().equals("医疗卫生"))
			.filter(l -> l.arranged() != null && l.arranged().signum() > 0)
			.count();
		assertThat(others).isEqualTo(10);
		assertThat(dec.stream().filter(l -> l.arranged() != null && l.arranged().signum() == 0)).isNotEmpty();
	}

	@Test
	void givenTheMidYearLedger_itHoldsTheFirst118ProjectsUnchangedWith61StartedAmongDecembers() {
		assertThat(jun).hasSize(118);
		Map<String, InboxFiles.LedgerLine> decByCode = dec.stream()
			.collect(Collectors.toMap(InboxFiles.LedgerLine::code, l -> l));
		for (var l : jun) {
			var d = decByCode.get(l.code());
			assertThat(d).as(l.code()).isNotNull();
			assertThat(l.name()).isEqualTo(d.name());
			assertThat(l.county()).isEqualTo(d.county());
			assertThat(l.field()).isEqualTo(d.field());
			assertThat(l.committed()).isEqualByComparingTo(d.committed());
			assertThat(l.arranged() == null ? null : l.arranged().stripTrailingZeros())
				.isEqualTo(d.arranged() == null ? null : d.arranged().stripTrailingZeros());
			if (l.started()) {
				assertThat(d.started()).as(l.code()).isTrue();
				assertThat(l.completed()).isLessThanOrEqualTo(d.completed());
			}
			if (l.paid() != null) {
				assertThat(l.paid()).isLessThanOrEqualTo(d.paid());
			}
		}
		assertThat(jun.stream().map(InboxFiles.LedgerLine::code).toList())
			.isEqualTo(dec.subList(0, 118).stream().map(InboxFiles.LedgerLine::code).toList());
		assertThat(jun.stream().filter(InboxFiles.LedgerLine::started)).hasSize(61);
	}

}
