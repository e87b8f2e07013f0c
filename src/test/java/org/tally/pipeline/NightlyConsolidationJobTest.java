package org.tally.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given the committed sample inbox, the nightly job loads every sheet and publishes the
 * press figures.
 */
@TallyTest
class NightlyConsolidationJobTest extends SeedInboxTest {

	@Autowired
	FigurePublisher figures;

	@Test
	void givenTheSeedInbox_theJobCompletesWithExactStepCounts() throws Exception {
		JobExecution run = jobs.startJob(parameters("first"));

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, StepExecution> steps = steps(run);
		assertThat(steps).containsOnlyKeys("prepareDatasetTablesStep", "gatherSourceFilesStep", "ingestSourceFilesStep",
				"promoteLoadsStep", "reconcileChecksStep", "publishFiguresStep");
		assertThat(steps.get("gatherSourceFilesStep").getReadCount()).isEqualTo(8);
		assertThat(steps.get("gatherSourceFilesStep").getWriteCount()).isEqualTo(8);
		// 140 + 118 ledger, 30 + 22 education, 20 + 15 health, 64 + 45 transfers, plus
		// one totals row per sheet.
		long details = 140 + 118 + 30 + 22 + 20 + 15 + 64 + 45;
		assertThat(steps.get("ingestSourceFilesStep").getReadCount()).isEqualTo(details + 8);
		assertThat(steps.get("ingestSourceFilesStep").getWriteCount()).isEqualTo(details + 8);
		assertThat(steps.get("ingestSourceFilesStep").getSkipCount()).isZero();
		assertThat(steps.get("promoteLoadsStep").getWriteCount()).isEqualTo(details);
		assertThat(steps.get("reconcileChecksStep").getReadCount()).isEqualTo(2 * 17);
		assertThat(steps.get("publishFiguresStep").getWriteCount()).isEqualTo(2 * 7);
		assertThat(warehouse.count("SELECT count(*) FROM registry.load WHERE status = 'loaded' AND is_current"))
			.isEqualTo(8);
	}

	@Test
	void givenTheSeedInbox_everyFigureForTheEndOf2024IsVerifiedWithItsExactValueAndPhrase() throws Exception {
		jobs.startJob(parameters("figures"));

		Map<String, FigureValue> published = byId(figures.latest(LocalDate.of(2024, 12, 31)));

		assertFigure(published, "committed_investment", "60237450000.00", "602.37亿元", "600余亿元");
		assertFigure(published, "project_count", "140", "140个", "140个");
		assertFigure(published, "started_projects", "87", "87个", "87个");
		assertFigure(published, "completed_investment", "10985632500.00", "109.86亿元", "约110亿元");
		assertFigure(published, "tech_transfers", "64", "64项", "64项");
		assertFigure(published, "tech_contract_value", "103046800.00", "1.03亿元", "1.03亿元");
		assertFigure(published, "counties_covered", "12", "12个", "12个");
		assertThat(published.get("committed_investment").sources()).singleElement().satisfies(source -> {
			assertThat(source.file()).isEqualTo("市财政局_京长对口合作项目台账_2024-12-31.xlsx");
			assertThat(source.sheet()).isEqualTo("项目台账");
			assertThat(source.rows()).isEqualTo(140);
		});
		assertThat(published.get("started_projects").sources()).singleElement()
			.satisfies(source -> assertThat(source.rows()).isEqualTo(87));
	}

	@Test
	void givenTheSeedInbox_theMidYearPeriodIsPublishedToo() throws Exception {
		jobs.startJob(parameters("mid-year"));

		Map<String, FigureValue> june = byId(figures.latest(LocalDate.of(2024, 6, 30)));

		assertThat(june.get("project_count").value()).isEqualByComparingTo("118");
		assertThat(june.get("started_projects").value()).isEqualByComparingTo("61");
		assertThat(june.get("committed_investment").value()).isEqualByComparingTo("50494785200.00");
		assertThat(june.get("tech_transfers").value()).isEqualByComparingTo("45");
		assertThat(june.values()).allMatch(FigureValue::verified);
	}

	@Test
	void givenASecondRunOnTheSameInbox_nothingIsLoadedTwiceAndTheFiguresStayTheSame() throws Exception {
		jobs.startJob(parameters("night-1"));
		List<FigureValue> before = figures.latest(LocalDate.of(2024, 12, 31));

		JobExecution second = jobs.startJob(parameters("night-2"));

		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(steps(second).get("ingestSourceFilesStep").getReadCount()).isZero();
		assertThat(warehouse.count("SELECT count(*) FROM registry.load WHERE status = 'duplicate' AND run_id = ?",
				second.getJobInstance().getInstanceId()))
			.isEqualTo(8);
		assertThat(warehouse.count("SELECT count(*) FROM warehouse.projects")).isEqualTo(140 + 118);
		List<FigureValue> after = figures.latest(LocalDate.of(2024, 12, 31));
		assertThat(after).extracting(FigureValue::id, FigureValue::value, FigureValue::status, FigureValue::version)
			.containsExactlyElementsOf(
					before.stream().map(f -> Tuple.tuple(f.id(), f.value(), f.status(), f.version())).toList());
		assertThat(after).allMatch(f -> f.runId() == second.getJobInstance().getInstanceId());
	}

	@Test
	void givenTheSameContentUnderAnotherName_itIsADuplicateNotASecondLoad() throws Exception {
		inbox.copySeed("science/市科技局_科技成果转化_2024-12-31.xlsx", "science/copy-of-transfers.xlsx");

		jobs.startJob(parameters("renamed-copy"));

		assertThat(warehouse.strings("SELECT status FROM registry.load WHERE file_name = 'copy-of-transfers.xlsx'"))
			.containsExactly("duplicate");
		assertThat(warehouse.count("SELECT count(*) FROM warehouse.tech_transfers")).isEqualTo(64 + 45);
	}

	private static void assertFigure(Map<String, FigureValue> figures, String id, String value, String display,
			String phrase) {
		FigureValue figure = figures.get(id);
		assertThat(figure).as(id).isNotNull();
		assertThat(figure.value().toPlainString()).as(id + " value").isEqualTo(value);
		assertThat(figure.display()).as(id + " display").isEqualTo(display);
		assertThat(figure.phrase()).as(id + " phrase").isEqualTo(phrase);
		assertThat(figure.status()).as(id + " status, reasons " + figure.reasons()).isEqualTo("verified");
	}

	private static Map<String, FigureValue> byId(List<FigureValue> values) {
		return values.stream().collect(Collectors.toMap(FigureValue::id, Function.identity()));
	}

	private static Map<String, StepExecution> steps(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.collect(Collectors.toMap(StepExecution::getStepName, Function.identity()));
	}

	private static JobParameters parameters(String trigger) {
		return new JobParametersBuilder().addString("trigger", "test:" + trigger).toJobParameters();
	}

	@SuppressWarnings("unused")
	private static BigDecimal yuan(String value) {
		return new BigDecimal(value);
	}

}
