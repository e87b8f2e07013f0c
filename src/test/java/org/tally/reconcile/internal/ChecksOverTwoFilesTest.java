package org.tally.reconcile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tally.database.SqlCheckDatabase;
import org.tally.catalog.Catalog;
import org.tally.reconcile.CheckOutcome;
import org.tally.support.TallyTest;
import org.tally.support.TestWarehouse;
import org.tally.warehouse.DatasetTables;

/**
 * Given two current files of one dataset in one period (two sources feeding the ledger),
 * a superseded file and another period, the checks judge each file on its own rows: a key
 * repeated across the two files is no duplicate, one repeated within a file is, and only
 * current rows of the period count.
 */
@TallyTest
class ChecksOverTwoFilesTest {

	static final LocalDate PERIOD = LocalDate.of(2024, 12, 31);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalog catalog;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	SqlCheckDatabase sqlCheckDatabase;

	@Autowired
	TestWarehouse warehouse;

	@Autowired
	DatasetTables tables;

	long east;

	long west;

	@BeforeEach
	void twoCurrentLedgersOfOnePeriod() {
		warehouse.reset();
		tables.prepare();
		east = load("finance-projects", "projects", "east.xlsx", PERIOD, true);
		west = load("finance-projects-west", "projects", "west.xlsx", PERIOD, true);
		long superseded = load("finance-projects-old", "projects", "old.xlsx", PERIOD, false);
		long june = load("finance-projects", "projects", "june.xlsx", LocalDate.of(2024, 6, 30), true);
		// east: JC1 twice (rows 3 and 5), blank codes twice (not keys), row 4 completes
		// more than committed
		project(east, 3, "JC1", "100.00", "50.00");
		project(east, 4, "JC2", "100.00", "200.00");
		project(east, 5, "JC1", "100.00", "50.00");
		project(east, 6, null, "100.00", "50.00");
		project(east, 7, null, "100.00", "50.00");
		// west: JC1 again (another file: no duplicate), JC3 three times; a blank
		// completion is not judged
		project(west, 3, "JC1", "100.00", null);
		project(west, 4, "JC3", "100.00", "10.00");
		project(west, 5, "JC3", "100.00", "10.00");
		project(west, 6, "JC3", "100.00", "10.00");
		// neither the superseded file nor another period counts
		project(superseded, 3, "JC9", "1.00", "9.00");
		project(superseded, 4, "JC9", "1.00", "9.00");
		project(june, 3, "JC8", "1.00", "9.00");
		project(june, 4, "JC8", "1.00", "9.00");
	}

	@Test
	void givenRepeatsWithinEachFile_theUniqueCheckReportsThemPerFileInFileKeyRowOrder() {
		CheckOutcome outcome = check("projects_unique_codes").run(PERIOD);

		assertJudged(outcome, false, "7", "2");
		assertThat(outcome.evidence())
			.extracting(CheckOutcome.Evidence::file, CheckOutcome.Evidence::cell, CheckOutcome.Evidence::column,
					CheckOutcome.Evidence::note)
			.containsExactly(tuple("east.xlsx", "B3", "project_code", "project_code JC1 repeats in this file: 2 rows"),
					tuple("east.xlsx", "B5", "project_code", "project_code JC1 repeats in this file: 2 rows"),
					tuple("west.xlsx", "B4", "project_code", "project_code JC3 repeats in this file: 3 rows"),
					tuple("west.xlsx", "B5", "project_code", "project_code JC3 repeats in this file: 3 rows"),
					tuple("west.xlsx", "B6", "project_code", "project_code JC3 repeats in this file: 3 rows"));
		assertThat(outcome.evidence()).allSatisfy(e -> assertThat(e.sheet()).isEqualTo("台账"));
		assertThat(outcome.message()).isEqualTo("5 of 7 rows of projects share their project_code with another row of "
				+ "the same file; first east.xlsx [台账] B3: project_code JC1 repeats in this file: 2 rows");
	}

	@Test
	void givenACodeInBothFilesButOnceInEach_theUniqueCheckPasses() {
		jdbc.sql("DELETE FROM warehouse.projects WHERE load_id = ? AND row_number = 5").params(east).update();
		jdbc.sql("DELETE FROM warehouse.projects WHERE load_id = ? AND row_number > 4").params(west).update();

		CheckOutcome outcome = check("projects_unique_codes").run(PERIOD);

		assertJudged(outcome, true, "4", "4");
		assertThat(outcome.evidence()).isEmpty();
		assertThat(outcome.message()).isEqualTo("4 rows of projects have distinct project_code per file");
	}

	@Test
	void givenEveryFileProvenWhileStagingToRepeatNoKey_theUniqueCheckCountsRowsInsteadOfSearching() {
		// The staging writer marks a load whose rows' key fingerprints were all distinct;
		// such a load
		// cannot repeat its key, so the check takes the mark as proof and only counts the
		// rows. (The
		// repeats planted here contradict the marks: they show that no search ran.)
		jdbc.sql("UPDATE registry.load SET keys_distinct = true WHERE id IN (?, ?)").params(east, west).update();

		CheckOutcome proven = check("projects_unique_codes").run(PERIOD);

		assertJudged(proven, true, "7", "7");
		assertThat(proven.message()).isEqualTo("7 rows of projects have distinct project_code per file");

		// One load without the proof (it repeated a fingerprint, or older code staged
		// it): the period is searched.
		jdbc.sql("UPDATE registry.load SET keys_distinct = NULL WHERE id = ?").params(west).update();

		CheckOutcome searched = check("projects_unique_codes").run(PERIOD);

		assertThat(searched.passed()).isFalse();
		assertThat(searched.actual()).isEqualByComparingTo("2");
		assertThat(searched.evidence()).extracting(CheckOutcome.Evidence::file, CheckOutcome.Evidence::cell)
			.containsExactly(tuple("east.xlsx", "B3"), tuple("east.xlsx", "B5"), tuple("west.xlsx", "B4"),
					tuple("west.xlsx", "B5"), tuple("west.xlsx", "B6"));
	}

	@Test
	void givenOneRowBreakingTheRule_theRowCheckCountsEveryCurrentRowAndNamesThatCell() {
		CheckOutcome outcome = check("projects_completed_within_committed").run(PERIOD);

		assertJudged(outcome, false, "9", "8");
		CheckOutcome.Evidence evidence = onlyEvidenceAt(outcome, "east.xlsx", "I4");
		assertThat(evidence.expected()).isEqualByComparingTo("100.00");
		assertThat(evidence.actual()).isEqualByComparingTo("200.00");
		assertThat(evidence.note()).isEqualTo(
				"breaks completed_investment <= committed_investment: completed_investment is 200.00, committed_investment is 100.00");
		assertThat(outcome.message())
			.startsWith("1 of 9 rows of projects break completed_investment <= committed_investment");
	}

	@Test
	void givenNoRowBreakingTheRule_theRowCheckPassesWithTheCount() {
		jdbc.sql("UPDATE warehouse.projects SET completed_investment = 20.00 WHERE load_id = ? AND row_number = 4")
			.params(east)
			.update();

		CheckOutcome outcome = check("projects_completed_within_committed").run(PERIOD);

		assertJudged(outcome, true, "9", "9");
		assertThat(outcome.message()).isEqualTo("9 rows of projects meet completed_investment <= committed_investment");
	}

	@Test
	void givenTheRowRulesOfOneDataset_theScanTheyShareGivesEachTheOutcomeOfItsOwnScan() {
		jdbc.sql(
				"UPDATE warehouse.projects SET start_date = DATE '2025-01-15', funds_allocated = 1.00, funds_disbursed = 2.00"
						+ " WHERE load_id = ? AND row_number = 4")
			.params(west)
			.update();
		List<Check> rules = catalog.checks()
			.stream()
			.filter(c -> c.type().equals("row") && "projects".equals(c.dataset()))
			.map(c -> Checks.of(c, catalog, jdbc, sqlCheckDatabase))
			.toList();
		SharedScans scans = new SharedScans(jdbc, rules);

		assertThat(rules).hasSize(3);
		for (Check rule : rules) {
			CheckOutcome shared = rule.run(PERIOD, scans);
			assertThat(shared).as(rule.id()).isEqualTo(rule.run(PERIOD));
			assertThat(shared.passed()).as(rule.id()).isFalse();
			assertThat(shared.expected()).isEqualByComparingTo("9");
			assertThat(shared.evidence()).hasSize(1);
		}
	}

	@Test
	void givenTotalsRowsRulesAndAProvenKey_oneScanOfTheDatasetGivesEveryCheckTheOutcomeOfItsOwnQueries() {
		jdbc.sql("UPDATE warehouse.projects SET completed_investment = 20.00 WHERE load_id = ? AND row_number = 4")
			.params(east)
			.update();
		jdbc.sql("UPDATE registry.load SET keys_distinct = true WHERE id IN (?, ?)").params(east, west).update();
		totals(east, 8, "committed_investment", "H8", "500.00");
		totals(east, 8, "completed_investment", "I8", "221.00"); // the rows above sum to
																	// 220.00
		totals(east, 10, "committed_investment", "H10", "0.00");
		totals(west, 7, "committed_investment", "H7", "400.00");
		List<Check> checks = catalog.checks()
			.stream()
			.filter(c -> List.of("row", "unique", "totals").contains(c.type()) && "projects".equals(c.dataset()))
			.map(c -> Checks.of(c, catalog, jdbc, sqlCheckDatabase))
			.toList();
		assertThat(checks).extracting(Check::id)
			.contains("projects_totals", "projects_unique_codes", "projects_completed_within_committed");

		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			long scansBefore = projectScans();
			SharedScans scans = new SharedScans(jdbc, checks);
			List<CheckOutcome> shared = checks.stream().map(check -> check.run(PERIOD, scans)).toList();
			assertThat(projectScans() - scansBefore).as("scans of warehouse.projects").isEqualTo(1);

			for (int i = 0; i < checks.size(); i++) {
				assertThat(shared.get(i)).as(checks.get(i).id()).isEqualTo(checks.get(i).run(PERIOD));
			}
			assertThat(shared).filteredOn(o -> o.checkId().equals("projects_totals"))
				.singleElement()
				.satisfies(o -> assertThat(o.message()).isEqualTo("1 of 4 totals cells differ from their detail rows; "
						+ "first: east.xlsx [台账] I8 says 221.00, the rows above sum to 220.00"));
		});
	}

	/** Scans of the ledger's table in this transaction, sequential or by index. */
	private long projectScans() {
		return jdbc.sql("SELECT pg_stat_get_xact_numscans(CAST('warehouse.projects' AS regclass))")
			.query(Long.class)
			.single();
	}

	@Test
	void givenHealthNamingTwoOfTheLedgersCodes_theCompareCheckJoinsOnlyThoseKeysAndShowsBothFilesRows() {
		healthNamingJc1AndJc2("0.00");
		disbursed(west, 4, "999.00"); // JC3: health does not name it, so it is not
										// compared

		CheckOutcome outcome = check("pairing_funds_received_match_disbursed").run(PERIOD);

		assertJudged(outcome, false, "220.00", "230.00");
		assertThat(outcome.message()).isEqualTo("2 project_code values on both sides; sum of "
				+ "education_activities+health_activities.funds_received 230.00, sum of projects.funds_disbursed 220.00"
				+ "; 1 differ, first JC2");
		assertThat(outcome.evidence()).extracting(CheckOutcome.Evidence::file, CheckOutcome.Evidence::cell)
			.containsExactly(tuple("health.csv", "I3"), tuple("east.xlsx", "M4"));
		assertThat(outcome.evidence().get(0).note()).startsWith("project_code JC2: ");
	}

	@Test
	void givenTwoDifferingKeys_theCompareEvidenceListsEachKeysRowsLeftThenRightInFileAndRowOrder() {
		healthNamingJc1AndJc2("10.00");

		CheckOutcome outcome = check("pairing_funds_received_match_disbursed").run(PERIOD);

		assertThat(outcome.passed()).isFalse();
		assertThat(outcome.message()).endsWith("; 2 differ, first JC1");
		assertThat(outcome.evidence()).extracting(CheckOutcome.Evidence::file, CheckOutcome.Evidence::cell)
			.containsExactly(tuple("health.csv", "I2"), tuple("east.xlsx", "M3"), tuple("east.xlsx", "M5"),
					tuple("west.xlsx", "M3"), tuple("health.csv", "I3"), tuple("east.xlsx", "M4"));
		assertThat(outcome.evidence()).extracting(e -> e.note().substring(0, e.note().indexOf(':')))
			.containsExactly("project_code JC1", "project_code JC1", "project_code JC1", "project_code JC1",
					"project_code JC2", "project_code JC2");
		assertThat(outcome.evidence().get(3).note()).endsWith("this row has projects.funds_disbursed 10.00");
	}

	@Test
	void givenNoKeyInCommon_theCompareCheckPassesOverNoKeys() {
		health(healthFile(), 2, "JC7", "150.00");

		CheckOutcome outcome = check("pairing_funds_received_match_disbursed").run(PERIOD);

		assertJudged(outcome, true, "0", "0");
		assertThat(outcome.message()).startsWith("0 project_code values on both sides");
	}

	@Test
	void givenTwoTotalsRowsInOneFileAndOneInTheOther_eachTotalsCellIsJudgedAgainstTheRowsAboveIt() {
		totals(east, 8, "committed_investment", "H8", "500.00");
		totals(east, 8, "completed_investment", "I8", "401.00"); // the rows above sum to
																	// 400.00
		totals(east, 10, "committed_investment", "H10", "0.00"); // no detail row since
																	// row 8
		totals(east, 10, "completed_investment", "I10", "0.00");
		totals(west, 7, "committed_investment", "H7", "400.00");
		totals(west, 7, "completed_investment", "I7", "30.00");

		CheckOutcome outcome = check("projects_totals").run(PERIOD);

		assertJudged(outcome, false, "401.00", "400.00");
		assertThat(onlyEvidenceAt(outcome, "east.xlsx", "I8").column()).isEqualTo("completed_investment");
		assertThat(outcome.message())
			.isEqualTo("1 of 6 totals cells differ from their detail rows; first: east.xlsx [台账] "
					+ "I8 says 401.00, the rows above sum to 400.00");
	}

	@Test
	void givenMoreTotalsCellsThanTheSharedScanTakes_eachTotalsRowIsSummedOnItsOwnWithTheSameJudgement() {
		// 40 totals rows of two cells in one file: the first sums rows 3-7, the others no
		// row at all.
		totals(east, 100, "committed_investment", "H100", "500.00");
		totals(east, 100, "completed_investment", "I100", "400.00");
		for (int row = 101; row < 140; row++) {
			totals(east, row, "committed_investment", "H" + row, row == 139 ? "1.00" : "0.00");
			totals(east, row, "completed_investment", "I" + row, "0.00");
		}

		CheckOutcome outcome = check("projects_totals").run(PERIOD);

		assertThat(outcome.passed()).isFalse();
		assertThat(outcome.evidence()).extracting(CheckOutcome.Evidence::cell).containsExactly("H139");
		assertThat(outcome.message())
			.isEqualTo("1 of 80 totals cells differ from their detail rows; first: east.xlsx [台账] "
					+ "H139 says 1.00, the rows above sum to 0");
	}

	@Test
	void givenMoreFallenValuesThanTheEvidenceHolds_theCountCoversEveryMeasureAndTheEvidenceTheFirstFifty() {
		long june = jdbc.sql("SELECT id FROM registry.load WHERE file_name = 'june.xlsx'").query(Long.class).single();
		for (int i = 0; i < 60; i++) {
			project(june, 20 + i, "N" + i, "100.00", "50.00");
			// every committed amount falls; only the first three completed amounts do
			project(east, 20 + i, "N" + i, "90.00", i < 3 ? "40.00" : "60.00");
		}

		CheckOutcome outcome = new TransactionTemplate(transactions).execute(tx -> {
			long scansBefore = projectScans();
			CheckOutcome judged = check("projects_investment_cumulative").run(PERIOD);
			// Both periods read once to count, then once for the first measure's
			// offenders; the
			// second measure's are not read: the evidence is full and their number
			// already known.
			assertThat(projectScans() - scansBefore).as("scans of warehouse.projects").isEqualTo(4);
			return judged;
		});

		assertJudged(outcome, false, "120", "57");
		assertThat(outcome.evidence()).hasSize(Query.MAX_EVIDENCE)
			.allSatisfy(e -> assertThat(e.column()).isEqualTo("committed_investment"));
		assertThat(outcome.evidence().get(0).cell()).isEqualTo("H20");
		assertThat(outcome.message()).startsWith("63 of 120 values of committed_investment, completed_investment per "
				+ "project_code fell since 2024-06-30; first east.xlsx [台账] H20: N0: committed_investment was 100.00");
	}

	/** The verdict and the two numbers it was reached on. */
	private static void assertJudged(CheckOutcome outcome, boolean passed, String expected, String actual) {
		assertThat(outcome.passed()).as(outcome.message()).isEqualTo(passed);
		assertThat(outcome.expected()).isEqualByComparingTo(expected);
		assertThat(outcome.actual()).isEqualByComparingTo(actual);
	}

	/**
	 * A health file receiving 150.00 for JC1 and 80.00 for JC2, against which the ledgers
	 * disburse JC1 100.00 and 50.00 in east and {@code westJc1} in west, JC2 70.00 in
	 * east.
	 */
	private void healthNamingJc1AndJc2(String westJc1) {
		long health = healthFile();
		health(health, 2, "JC1", "150.00");
		health(health, 3, "JC2", "80.00");
		disbursed(east, 3, "100.00");
		disbursed(east, 5, "50.00");
		disbursed(west, 3, westJc1);
		disbursed(east, 4, "70.00");
	}

	private long healthFile() {
		return load("health-activities", "health_activities", "health.csv", PERIOD, true);
	}

	private static CheckOutcome.Evidence onlyEvidenceAt(CheckOutcome outcome, String file, String cell) {
		assertThat(outcome.evidence()).singleElement().satisfies(e -> {
			assertThat(e.file()).isEqualTo(file);
			assertThat(e.cell()).isEqualTo(cell);
		});
		return outcome.evidence().get(0);
	}

	private void totals(long load, int row, String column, String cell, String value) {
		jdbc.sql(
				"INSERT INTO staging.totals_row (load_id, row_number, column_name, cell_ref, value) VALUES (?, ?, ?, ?, ?)")
			.params(load, row, column, cell, new BigDecimal(value))
			.update();
	}

	private Check check(String id) {
		return Checks.of(catalog.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(), catalog,
				jdbc, sqlCheckDatabase);
	}

	private long load(String source, String dataset, String file, LocalDate period, boolean current) {
		long id = jdbc
			.sql("""
					INSERT INTO registry.load (run_id, source_id, department, dataset, file_path, file_name, sha256, size_bytes,
					                           status, period, sheet, is_current)
					VALUES (1, ?, '市财政局', ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id""")
			.params(source, dataset, "inbox/" + file, file, String.format("%064d", System.nanoTime()),
					current ? "loaded" : "superseded", period, dataset.equals("projects") ? "台账" : null, current)
			.query(Long.class)
			.single();
		String[][] letters = dataset.equals("projects")
				? new String[][] { { "project_code", "B" }, { "committed_investment", "H" },
						{ "completed_investment", "I" }, { "funds_disbursed", "M" } }
				: new String[][] { { "project_code", "B" }, { "funds_received", "I" } };
		for (String[] letter : letters) {
			jdbc.sql("INSERT INTO registry.load_column (load_id, column_name, column_letter) VALUES (?, ?, ?)")
				.params(id, letter[0], letter[1])
				.update();
		}
		return id;
	}

	private void project(long load, int row, String code, String committed, String completed) {
		jdbc.sql("""
				INSERT INTO warehouse.projects (load_id, row_number, project_code, project_name, county,
				                                committed_investment, completed_investment, status)
				VALUES (?, ?, ?, '项目', '潞州区', ?, ?, '开工')""")
			.params(load, row, code, new BigDecimal(committed), completed == null ? null : new BigDecimal(completed))
			.update();
	}

	private void disbursed(long load, int row, String amount) {
		jdbc.sql("UPDATE warehouse.projects SET funds_disbursed = ? WHERE load_id = ? AND row_number = ?")
			.params(new BigDecimal(amount), load, row)
			.update();
	}

	private void health(long load, int row, String code, String received) {
		jdbc.sql("""
				INSERT INTO warehouse.health_activities (load_id, row_number, project_code, beijing_hospital,
				                                         changzhi_hospital, county, funds_received)
				VALUES (?, ?, ?, '北京医院', '长治医院', '潞州区', ?)""")
			.params(load, row, code, new BigDecimal(received))
			.update();
	}

}
