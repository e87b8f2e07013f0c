package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.TallyTest;
import org.tally.support.TestInbox;
import org.tally.support.TestWarehouse;

/**
 * Given a verified snapshot and then a correction that fails a check, the new snapshot
 * marks the dependent figure unverified with the reason, while the press keeps the last
 * verified version.
 */
@TallyTest
class PressViewTest {

	static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);
	static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	TestInbox inbox;

	@Autowired
	TestWarehouse warehouse;

	@Autowired
	FigurePublisher publisher;

	@Autowired
	PressFigures press;

	@BeforeEach
	void freshInstallationWithTheSeeds() {
		warehouse.reset();
		inbox.clear().withSeeds();
	}

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
		plantStartDateAfterPeriodEnd();

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
		plantStartDateAfterPeriodEnd();
		long second = run("corrected-ledger");
		run("unchanged-night");

		List<FigureVersion> history = press.history("started_projects", YEAR_END);

		assertThat(history).extracting(v -> v.figure().version(), v -> v.figure().runId(), v -> v.figure().status())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, first, "verified"),
					org.assertj.core.groups.Tuple.tuple(2, second, "unverified"));
		assertThat(history.get(0).changes()).containsExactly("first version for 2024-12-31: 87个, verified");
		assertThat(history.get(1).changes()).first().isEqualTo("status verified -> unverified");
		assertThat(history.get(1).changes()).anySatisfy(c -> assertThat(c).contains("projects_started_by_period_end"));
		assertThat(history.get(1).publishedAt()).isAfterOrEqualTo(history.get(0).publishedAt());
		assertThat(press.history("started_projects", null)).hasSize(3);
	}

	/**
	 * A started project's start date moved into 2025: the year-end ledger file is
	 * replaced by a corrected copy.
	 */
	private void plantStartDateAfterPeriodEnd() throws Exception {
		Path target = inbox.root().resolve(LEDGER);
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				java.nio.file.Files.newInputStream(Path.of("seeds/inbox").resolve(LEDGER)))) {
			Sheet sheet = workbook.getSheet("项目台账");
			for (Row row : sheet) {
				Cell date = row.getCell(10);
				if (row.getRowNum() > 2 && date != null && date.getCellType() == CellType.NUMERIC) {
					date.setCellValue("2025年1月15日");
					break;
				}
			}
			try (var out = java.nio.file.Files.newOutputStream(target)) {
				workbook.write(out);
			}
		}
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
