package org.tally.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given an execution left STARTED by a crashed process, start-up recovery marks it FAILED
 * (only when its owner is dead) and a restart continues it from the failed step, skipping
 * completed ones.
 */
@TallyTest
class StaleRunRecoveryTest extends SeedInboxTest {

	@Autowired
	RunLauncher runs;

	@Autowired
	RunHistory history;

	@Autowired
	JobRepository jobRepository;

	@Test
	void givenACrashedRun_itIsFailedAtStartUpAndRestartsFromItsFailedStep() throws Exception {
		RunReport broken = brokenInboxRun("test:crash");
		long runId = broken.runId();
		crash(broken.executionId(), deadPid());

		List<StaleRun> recovered = runs.recoverStaleRuns();

		assertThat(recovered).singleElement().satisfies(stale -> {
			assertThat(stale.runId()).isEqualTo(runId);
			assertThat(stale.reason()).contains("is no longer running");
		});
		JobExecution failed = jobRepository.getJobExecution(broken.executionId());
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getEndTime()).isNotNull();
		assertThat(failed.getExitStatus().getExitDescription()).contains("is no longer running");
		assertThat(history.find(runId).orElseThrow().failure()).contains("no longer running");

		inbox.clear().withSeeds();
		RunReport restarted = runs.restart(runId, "test", RunLauncher.IN_THIS_THREAD).await();

		assertThat(restarted.runId()).isEqualTo(runId);
		assertThat(restarted.executionId()).isNotEqualTo(broken.executionId());
		assertThat(restarted.completed()).isTrue();
		assertThat(restarted.steps()).extracting(RunReport.StepCounts::name)
			.containsExactly("gatherSourceFilesStep", "ingestSourceFilesStep", "promoteLoadsStep",
					"reconcileChecksStep", "publishFiguresStep");
		assertThat(restarted.figures()).isNotEmpty();
		RunSummary summary = history.find(runId).orElseThrow();
		assertThat(summary.executions()).isEqualTo(2);
		assertThat(summary.startedBy()).isEqualTo("test");
		assertThat(summary.status()).isEqualTo("COMPLETED");
	}

	@Test
	void givenARunOwnedByALiveProcess_recoveryLeavesItAloneAndANewRunIsRefusedNamingIt() throws Exception {
		RunReport broken = brokenInboxRun("test:alive");
		crash(broken.executionId(), ProcessHandle.current().pid());
		inbox.clear().withSeeds();

		assertThat(runs.recoverStaleRuns()).isEmpty();
		assertThatThrownBy(
				() -> runs.launch(new RunRequest(null, "test:second", List.of(), "test"), RunLauncher.IN_THIS_THREAD)
					.await())
			.isInstanceOf(RunRefusedException.class)
			.hasMessageMatching(
					"run " + broken.runId() + " \\(test:alive\\) is running since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d;"
							+ " try again when it ends");
		assertThat(jobRepository.getJobExecution(broken.executionId()).getStatus()).isEqualTo(BatchStatus.STARTED);

		crash(broken.executionId(), deadPid());
		RunReport next = runs.launch(new RunRequest(null, "test:after", List.of(), "test"), RunLauncher.IN_THIS_THREAD)
			.await();

		assertThat(next.completed()).isTrue();
		assertThat(jobRepository.getJobExecution(broken.executionId()).getStatus()).isEqualTo(BatchStatus.FAILED);
	}

	@Test
	void givenAFailedRun_theSameTriggerAgainContinuesTheSameRun() throws Exception {
		RunReport broken = brokenInboxRun("nightly:2026-11-25");
		inbox.clear().withSeeds();

		RunReport again = runs
			.launch(new RunRequest(null, "nightly:2026-11-25", List.of(), "schedule:nightly (recovered)"),
					RunLauncher.IN_THIS_THREAD)
			.await();

		assertThat(again.runId()).isEqualTo(broken.runId());
		assertThat(again.completed()).isTrue();
		assertThat(again.steps()).extracting(RunReport.StepCounts::name).doesNotContain("prepareDatasetTablesStep");
		assertThatThrownBy(() -> runs
			.launch(new RunRequest(null, "nightly:2026-11-25", List.of(), "x"), RunLauncher.IN_THIS_THREAD)
			.await()).isInstanceOf(RunRefusedException.class).hasMessageContaining("has already completed");
	}

	/** A run that fails in gatherSourceFilesStep: the inbox is gone. */
	private RunReport brokenInboxRun(String trigger) throws Exception {
		inbox.clear();
		Files.delete(inbox.root());
		RunReport report = runs.launch(new RunRequest(null, trigger, List.of(), "test"), RunLauncher.IN_THIS_THREAD)
			.await();
		assertThat(report.status()).isEqualTo("FAILED");
		assertThat(report.failure()).startsWith("gatherSourceFilesStep").contains("does not exist");
		return report;
	}

	/**
	 * What a kill -9 in the gather step leaves behind: job and step STARTED, owned by
	 * {@code pid}.
	 */
	private void crash(long executionId, long pid) {
		warehouse.jdbc()
			.sql("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', exit_message = '',"
					+ " end_time = NULL WHERE job_execution_id = ?")
			.param(executionId)
			.update();
		warehouse.jdbc()
			.sql("UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', exit_message = '',"
					+ " end_time = NULL WHERE job_execution_id = ? AND step_name = 'gatherSourceFilesStep'")
			.param(executionId)
			.update();
		warehouse.jdbc()
			.sql("UPDATE ops.run_owner SET pid = ?, process_started_at = NULL WHERE job_execution_id = ?")
			.params(pid, executionId)
			.update();
	}

	private static long deadPid() throws Exception {
		Process process = new ProcessBuilder("true").start();
		process.waitFor();
		return process.pid();
	}

}
