package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.Runs;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given a verified snapshot and then a correction that fails a check, the new snapshot
 * marks the dependent figure unverified with the reason, while the press keeps the last
 * verified version.
 */
@TallyTest
class PressViewTest extends SeedInboxTest {

	static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);
	static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";

	static final String RECORDED = """
			SELECT figure_version_id, load_id, rows_read FROM publish.figure_version_load
			ORDER BY figure_version_id, load_id""";

	@Autowired
	FigurePublisher publisher;

	@Autowired
	PressFigures press;

	@Test
	void givenTheSeeds_thePressViewIsEveryFigureVerifiedForTheYearEnd() throws Exception {
		run("seeds");

		List<FigureValue> view = press.pressView();

		assertThat(view).extracting(FigureValue::id)
			.containsExactly("committed_investment", "project_count", "started_projects", "completed_investment",
					"tech_transfers", "tech_contract_value", "counties_covered");
		assertThat(view).allSatisfy(f -> {
			assertThat(f.verified()).isTrue();
			assertThat(f.asOf()).isEqualTo(YEAR_END);
		});
		assertThat(press.pressAsOf(view)).isEqualTo(YEAR_END);
	}

	@Test
	void givenAFailedCheckInALaterRun_theFigureIsUnverifiedButThePressKeepsItsLastVerifiedVersion() throws Exception {
		long first = run("verified");
		inbox.plantStartDateAfterPeriodEnd(LEDGER);

		long second = run("corrected-ledger");

		Map<String, FigureValue> operators = byId(publisher.latest(YEAR_END));
		assertThat(operators.get("started_projects").runId()).isEqualTo(second);
		assertThat(operators.get("started_projects").status()).isEqualTo("unverified");
		assertThat(operators.get("started_projects").reasons()).singleElement()
			.satisfies(r -> assertThat(r).startsWith("check projects_started_by_period_end failed"));
		assertThat(operators.get("committed_investment").verified()).as("does not depend on the rule").isTrue();

		FigureValue quoted = byId(press.pressView()).get("started_projects");
		assertThat(quoted.runId()).isEqualTo(first);
		assertThat(quoted.asOf()).isEqualTo(YEAR_END);
		assertThat(quoted.verified()).isTrue();
		assertThat(quoted.value()).isEqualByComparingTo("87");
		assertThat(quoted.version()).isEqualTo(1);
	}

	@Test
	void givenAStatusChange_theHistoryShowsBothVersionsAndWhatChanged() throws Exception {
		long first = run("verified");
		inbox.plantStartDateAfterPeriodEnd(LEDGER);
		long second = run("corrected-ledger");
		run("unchanged-night");

		List<FigureVersion> history = press.history("started_projects", YEAR_END);
		List<FigureVersion> verified = press.verifiedHistory("started_projects", YEAR_END);

		assertThat(history).extracting(v -> v.figure().version(), v -> v.figure().runId(), v -> v.figure().status())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, first, "verified"),
					org.assertj.core.groups.Tuple.tuple(2, second, "unverified"));
		assertThat(history.get(0).changes()).containsExactly("first version for 2024-12-31: 87个, verified");
		assertThat(history.get(1).changes()).first().isEqualTo("status verified -> unverified");
		assertThat(history.get(1).changes()).anySatisfy(c -> assertThat(c).contains("projects_started_by_period_end"));
		assertThat(history.get(1).publishedAt()).isAfterOrEqualTo(history.get(0).publishedAt());
		assertThat(press.history("started_projects", null)).hasSize(3);
		assertThat(verified).as("the press's history").singleElement().satisfies(v -> {
			assertThat(v.figure().runId()).isEqualTo(first);
			assertThat(v.changes()).containsExactly("first version for 2024-12-31: 87个, verified");
		});
	}

	@Test
	void givenAPublishedVersion_itRecordsTheLoadsItWasComputedFromWithTheRowsItRead() throws Exception {
		run("seeds");

		assertThat(Runs.rows(warehouse,
				"""
						SELECT l.file_name, l.sheet, s.rows_read FROM publish.figure_version v
						JOIN publish.figure_version_load s ON s.figure_version_id = v.id JOIN registry.load l ON l.id = s.load_id
						WHERE v.figure_id = 'committed_investment' AND v.as_of = ?""",
				YEAR_END))
			.containsExactly(List.of("市财政局_京长对口合作项目台账_2024-12-31.xlsx", "项目台账", "140"));
		assertThat(warehouse.count("""
				SELECT count(*) FROM publish.figure_version v
				WHERE jsonb_array_length(v.sources) <> (SELECT count(*) FROM publish.figure_version_load s
				                                        WHERE s.figure_version_id = v.id)"""))
			.as("every source of every version is a recorded load")
			.isZero();
	}

	@Test
	void givenVersionsPublishedBeforeLoadsWereRecorded_theMigrationMatchesTheirSourcesToTheSameLoads()
			throws Exception {
		run("verified");
		inbox.plantStartDateAfterPeriodEnd(LEDGER);
		run("corrected-ledger");
		List<List<String>> recorded = Runs.rows(warehouse, RECORDED);
		assertThat(recorded).hasSizeGreaterThan(20);

		warehouse.jdbc().sql("DELETE FROM publish.figure_version_load").update();
		warehouse.jdbc().sql(backfill()).update();

		assertThat(Runs.rows(warehouse, RECORDED)).isEqualTo(recorded);
	}

	/** The backfill statement of the migration that added publish.figure_version_load. */
	private static String backfill() throws Exception {
		String migration = Files.readString(Path.of("src/main/resources/db/migration/V36__figure_version_loads.sql"));
		String insert = migration.substring(migration.indexOf("INSERT INTO publish.figure_version_load"));
		return insert.substring(0, insert.indexOf(';'));
	}

	private long run(String trigger) throws Exception {
		JobExecution execution = jobs
			.startJob(new JobParametersBuilder().addString("trigger", "test:" + trigger).toJobParameters());
		return execution.getJobInstance().getInstanceId();
	}

	private static Map<String, FigureValue> byId(List<FigureValue> values) {
		return values.stream().collect(Collectors.toMap(FigureValue::id, Function.identity()));
	}

}
