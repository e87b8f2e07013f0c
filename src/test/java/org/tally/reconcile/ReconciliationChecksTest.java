package org.tally.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given the seed inbox every declared check passes; given the seeds with ONE planted
 * fault, exactly the check of that kind fails, and its evidence names the file, sheet and
 * cell a clerk must look at.
 */
@TallyTest
class ReconciliationChecksTest extends SeedInboxTest {

	static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);
	static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";
	static final String LEDGER_FILE = "市财政局_京长对口合作项目台账_2024-12-31.xlsx";
	static final String MID_LEDGER = "finance/市财政局_京长对口合作项目台账_2024-06-30.xlsx";
	static final String HEALTH = "health/市卫健委_卫生健康对口合作_20241231.csv";
	static final String HEALTH_FILE = "市卫健委_卫生健康对口合作_20241231.csv";

	@Autowired
	Reconciler reconciler;

	@Test
	void givenTheSeedInbox_everyCheckPassesForBothPeriods() throws Exception {
		run("seeds");

		List<CheckOutcome> outcomes = reconciler.latest(null);

		assertThat(outcomes).hasSize(2 * 17);
		assertThat(outcomes)
			.allSatisfy(o -> assertThat(o.passed()).as(o.checkId() + " " + o.asOf() + ": " + o.message()).isTrue());
		assertThat(outcomes).extracting(CheckOutcome::type)
			.contains("totals", "compare", "references", "row", "unique", "non_decreasing", "completeness", "sql");
		CheckOutcome cumulative = outcome(outcomes, "projects_investment_cumulative", YEAR_END);
		assertThat(cumulative.expected()).isPositive();
		assertThat(cumulative.message()).contains("since 2024-06-30");
	}

	@Test
	void givenALedgerTotalOffByOneWan_onlyTheTotalsCheckFailsAtTheTotalsCell() throws Exception {
		LedgerWorkbookEdit ledger = LedgerWorkbookEdit.of(seed(LEDGER));
		Row totals = ledger.totals();
		BigDecimal wrong = BigDecimal.valueOf(totals.getCell(LedgerWorkbookEdit.COMMITTED).getNumericCellValue())
			.add(BigDecimal.ONE);
		ledger.overwriteTotal(LedgerWorkbookEdit.COMMITTED, wrong).saveAs(inbox.root().resolve(LEDGER));

		CheckOutcome failed = onlyFailure(run("totals-fault"));

		assertThat(failed.checkId()).isEqualTo("projects_totals");
		assertThat(failed.difference()).isEqualByComparingTo("10000.00");
		onlyEvidenceInTheLedgerAt(failed, LedgerWorkbookEdit.ref(totals, LedgerWorkbookEdit.COMMITTED));
	}

	@Test
	void givenHealthReceivingMoreThanFinanceDisbursed_onlyTheCompareCheckFailsWithBothSidesCells() throws Exception {
		HealthCsvEdit health = HealthCsvEdit.of(seed(HEALTH));
		String code = health.get("B2");
		health.set("I2", HealthCsvEdit.amount(health.get("I2")).add(new BigDecimal("100.00")).toPlainString())
			.saveAs(inbox.root().resolve(HEALTH));
		LedgerWorkbookEdit ledger = LedgerWorkbookEdit.of(seed(LEDGER));
		String ledgerCell = "M" + (ledger.row(code).getRowNum() + 1);

		CheckOutcome failed = onlyFailure(run("compare-fault"));

		assertThat(failed.checkId()).isEqualTo("pairing_funds_received_match_disbursed");
		assertThat(failed.difference()).isEqualByComparingTo("-1000000.00");
		assertThat(failed.evidence()).extracting(CheckOutcome.Evidence::file, CheckOutcome.Evidence::cell)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(HEALTH_FILE, "I2"),
					org.assertj.core.groups.Tuple.tuple(LEDGER_FILE, ledgerCell));
		assertThat(failed.evidence().get(0).note()).contains(code);
		assertThat(failed.evidence().get(0).actual().subtract(failed.evidence().get(0).expected()))
			.isEqualByComparingTo("1000000.00");
	}

	@Test
	void givenALedgerCorrectionDroppingACodeTheHealthSheetUses_onlyTheReferencesCheckFailsAtThatCodeCell()
			throws Exception {
		// A code unknown when the health sheet is read is rejected with the row
		// (UnknownProjectCodeTest);
		// the check catches what validation cannot: a later ledger correction that drops
		// a code.
		run("references-before");
		String code = HealthCsvEdit.of(seed(HEALTH)).get("B4");
		LedgerWorkbookEdit ledger = LedgerWorkbookEdit.of(seed(LEDGER));
		ledger.set(ledger.row(code), LedgerWorkbookEdit.CODE, "JC2023-9999").saveAs(inbox.root().resolve(LEDGER));

		CheckOutcome failed = onlyFailure(run("references-fault"));

		assertThat(failed.checkId()).isEqualTo("health_codes_in_ledger");
		assertThat(failed.evidence()).singleElement().satisfies(e -> {
			assertThat(e.file()).isEqualTo(HEALTH_FILE);
			assertThat(e.cell()).isEqualTo("B4");
			assertThat(e.note()).startsWith(code + " is not a projects.project_code");
		});
	}

	@Test
	void givenAProjectStartingAfterThePeriodEnd_onlyThatRowRuleFailsAtTheStartDateCell() throws Exception {
		LedgerWorkbookEdit ledger = LedgerWorkbookEdit.of(seed(LEDGER));
		Row started = ledger.row(r -> LedgerWorkbookEdit.numeric(r, LedgerWorkbookEdit.START_DATE));
		ledger.set(started, LedgerWorkbookEdit.START_DATE, "2025年1月15日").saveAs(inbox.root().resolve(LEDGER));

		CheckOutcome failed = onlyFailure(run("row-fault"));

		assertThat(failed.checkId()).isEqualTo("projects_started_by_period_end");
		CheckOutcome.Evidence evidence = onlyEvidenceInTheLedgerAt(failed,
				LedgerWorkbookEdit.ref(started, LedgerWorkbookEdit.START_DATE));
		assertThat(evidence.note()).contains("2025-01-15", "2024-12-31");
	}

	@Test
	void givenTwoHealthRowsNamingOneProject_onlyTheUniqueCheckFailsAtBothCodeCells() throws Exception {
		HealthCsvEdit health = HealthCsvEdit.of(seed(HEALTH));
		assertThat(health.get("B6")).as("row 6 of the seed has no project code").isEmpty();
		// The second row claims no funds, so the funds still reconcile: only the key
		// repeats.
		health.set("B6", health.get("B2")).set("I6", "0.00").saveAs(inbox.root().resolve(HEALTH));

		CheckOutcome failed = onlyFailure(run("unique-fault"));

		assertThat(failed.checkId()).isEqualTo("health_unique_codes");
		assertThat(failed.evidence()).extracting(CheckOutcome.Evidence::file, CheckOutcome.Evidence::cell)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(HEALTH_FILE, "B2"),
					org.assertj.core.groups.Tuple.tuple(HEALTH_FILE, "B6"));
	}

	@Test
	void givenCompletedInvestmentFallingSinceMidYear_onlyTheNonDecreasingCheckFailsAtThatCell() throws Exception {
		LedgerWorkbookEdit mid = LedgerWorkbookEdit.of(seed(MID_LEDGER));
		LedgerWorkbookEdit ledger = LedgerWorkbookEdit.of(seed(LEDGER));
		Row midRow = mid.row(r -> LedgerWorkbookEdit.numeric(r, LedgerWorkbookEdit.COMPLETED)
				&& LedgerWorkbookEdit.amount(r, LedgerWorkbookEdit.COMPLETED).compareTo(BigDecimal.TEN) > 0
				&& LedgerWorkbookEdit.numeric(ledger.row(LedgerWorkbookEdit.text(r, LedgerWorkbookEdit.CODE)),
						LedgerWorkbookEdit.COMPLETED));
		Row fallen = ledger.row(LedgerWorkbookEdit.text(midRow, LedgerWorkbookEdit.CODE));
		ledger.set(fallen, LedgerWorkbookEdit.COMPLETED, BigDecimal.ONE).saveAs(inbox.root().resolve(LEDGER));

		CheckOutcome failed = onlyFailure(run("non-decreasing-fault"));

		assertThat(failed.checkId()).isEqualTo("projects_investment_cumulative");
		assertThat(failed.evidence()).singleElement().satisfies(e -> {
			assertThat(e.file()).isEqualTo(LEDGER_FILE);
			assertThat(e.cell()).isEqualTo(LedgerWorkbookEdit.ref(fallen, LedgerWorkbookEdit.COMPLETED));
			assertThat(e.column()).isEqualTo("completed_investment");
			assertThat(e.actual()).isEqualByComparingTo("10000.00");
			assertThat(e.expected())
				.isEqualByComparingTo(LedgerWorkbookEdit.amount(midRow, LedgerWorkbookEdit.COMPLETED)
					.multiply(BigDecimal.valueOf(10_000)));
		});
	}

	@Test
	void givenNoHealthFileForTheYearEnd_onlyTheCompletenessCheckFailsNamingTheSource() throws Exception {
		inbox.remove(HEALTH);

		CheckOutcome failed = onlyFailure(run("completeness-fault"));

		assertThat(failed.checkId()).isEqualTo("all_sources_reported");
		assertThat(failed.expected()).isEqualByComparingTo("4");
		assertThat(failed.actual()).isEqualByComparingTo("3");
		assertThat(failed.evidence()).singleElement()
			.satisfies(e -> assertThat(e.note()).contains("health-activities", "市卫健委", "no file of it was seen"));
	}

	@Test
	void givenACompletedProjectWithoutCompletedInvestment_onlyTheSqlCheckFailsAtThatCell() throws Exception {
		LedgerWorkbookEdit ledger = LedgerWorkbookEdit.of(seed(LEDGER));
		Row completed = ledger.row(r -> LedgerWorkbookEdit.text(r, LedgerWorkbookEdit.STATUS).equals("竣工")
				&& LedgerWorkbookEdit.numeric(r, LedgerWorkbookEdit.COMPLETED));
		ledger.blank(completed, LedgerWorkbookEdit.COMPLETED).saveAs(inbox.root().resolve(LEDGER));

		CheckOutcome failed = onlyFailure(run("sql-fault"));

		assertThat(failed.checkId()).isEqualTo("completed_projects_report_investment");
		CheckOutcome.Evidence evidence = onlyEvidenceInTheLedgerAt(failed,
				LedgerWorkbookEdit.ref(completed, LedgerWorkbookEdit.COMPLETED));
		assertThat(evidence.column()).isEqualTo("completed_investment");
		assertThat(evidence.note()).contains("status=竣工");
	}

	@Test
	void givenThreeCompletedProjectsWithoutCompletedInvestment_theSqlCheckCountsThemAndNamesEachCell()
			throws Exception {
		LedgerWorkbookEdit ledger = LedgerWorkbookEdit.of(seed(LEDGER));
		List<String> cells = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Row completed = ledger.row(r -> LedgerWorkbookEdit.text(r, LedgerWorkbookEdit.STATUS).equals("竣工")
					&& LedgerWorkbookEdit.numeric(r, LedgerWorkbookEdit.COMPLETED));
			cells.add(LedgerWorkbookEdit.ref(completed, LedgerWorkbookEdit.COMPLETED));
			ledger.blank(completed, LedgerWorkbookEdit.COMPLETED);
		}
		ledger.saveAs(inbox.root().resolve(LEDGER));

		CheckOutcome failed = onlyFailure(run("sql-fault-three"));

		assertThat(failed.checkId()).isEqualTo("completed_projects_report_investment");
		assertThat(failed.actual()).isEqualByComparingTo("3");
		assertThat(failed.message()).startsWith("the query returned 3 rows; first " + LEDGER_FILE);
		assertThat(failed.evidence()).extracting(CheckOutcome.Evidence::cell)
			.containsExactlyInAnyOrderElementsOf(cells);
	}

	private List<CheckOutcome> run(String trigger) throws Exception {
		JobExecution execution = jobs
			.startJob(new JobParametersBuilder().addString("trigger", "test:" + trigger).toJobParameters());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return reconciler.outcomes(execution.getJobInstance().getInstanceId(), null);
	}

	private static CheckOutcome onlyFailure(List<CheckOutcome> outcomes) {
		List<CheckOutcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
		assertThat(failed).as("failed checks").extracting(CheckOutcome::checkId, CheckOutcome::message).hasSize(1);
		assertThat(failed.get(0).asOf()).isEqualTo(YEAR_END);
		return failed.get(0);
	}

	/**
	 * The failure's one piece of evidence, which points at {@code cell} of the ledger's
	 * sheet.
	 */
	private static CheckOutcome.Evidence onlyEvidenceInTheLedgerAt(CheckOutcome failed, String cell) {
		assertThat(failed.evidence()).singleElement().satisfies(e -> {
			assertThat(e.file()).isEqualTo(LEDGER_FILE);
			assertThat(e.sheet()).isEqualTo("项目台账");
			assertThat(e.cell()).isEqualTo(cell);
		});
		return failed.evidence().get(0);
	}

	private static CheckOutcome outcome(List<CheckOutcome> outcomes, String id, LocalDate asOf) {
		return outcomes.stream().filter(o -> o.checkId().equals(id) && o.asOf().equals(asOf)).findFirst().orElseThrow();
	}

	private static Path seed(String relative) {
		return Path.of("seeds/inbox").resolve(relative);
	}

}
