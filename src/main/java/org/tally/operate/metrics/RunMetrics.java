package org.tally.operate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadRegistry;
import org.tally.reconcile.CheckOutcome;
import org.tally.reconcile.Reconciler;

/**
 * Counts what each run did, once per execution when it ends: its outcome and duration,
 * each step's duration, and, from what the run recorded, its files, rows per source and
 * check results. Nothing is counted per row, so the ingest runs as fast as without it.
 */
final class RunMetrics implements JobExecutionListener {

	/**
	 * The steps after which a run's files and checks are settled; a restart that resumes
	 * after one of them does not count its work twice.
	 */
	static final String PROMOTE_STEP = "promoteLoadsStep";

	static final String RECONCILE_STEP = "reconcileChecksStep";

	private final MeterRegistry registry;

	private final LoadRegistry loads;

	private final Reconciler reconciler;

	RunMetrics(MeterRegistry registry, LoadRegistry loads, Reconciler reconciler) {
		this.registry = registry;
		this.loads = loads;
		this.reconciler = reconciler;
		// zero from the start, so that the first run shows as an increase
		for (BatchStatus outcome : List.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED)) {
			runs(outcome);
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		runs(execution.getStatus()).increment();
		Timer.builder("tally.run.duration")
			.description("How long a run's execution took, start to end")
			.tag("outcome", name(execution.getStatus()))
			.register(registry)
			.record(duration(execution.getStartTime(), execution.getEndTime()));
		long runId = execution.getJobInstance().getInstanceId();
		for (StepExecution step : execution.getStepExecutions()) {
			Timer.builder("tally.step.duration")
				.description("How long a step of a run took")
				.tags("step", step.getStepName(), "outcome", name(step.getStatus()))
				.register(registry)
				.record(duration(step.getStartTime(), step.getEndTime()));
		}
		if (completedHere(execution, PROMOTE_STEP)) {
			countFiles(loads.files(runId));
		}
		if (completedHere(execution, RECONCILE_STEP)) {
			countChecks(reconciler.outcomes(runId, null));
		}
	}

	private Counter runs(BatchStatus outcome) {
		return Counter.builder("tally.runs")
			.description("Runs ended, by outcome")
			.tag("outcome", name(outcome))
			.register(registry);
	}

	private void countFiles(List<FileRecord> files) {
		Map<String, long[]> rows = new HashMap<>();
		for (FileRecord file : files) {
			String source = file.sourceId() == null ? "unknown" : file.sourceId();
			Counter.builder("tally.files")
				.description("Files a run settled, by source and outcome")
				.tags("source", source, "outcome", file.status().sql())
				.register(registry)
				.increment();
			long[] counts = rows.computeIfAbsent(source, s -> new long[3]);
			counts[0] += file.rowsRead() == null ? 0 : file.rowsRead();
			counts[1] += file.rowsLoaded() == null ? 0 : file.rowsLoaded();
			counts[2] += file.rowsRejected() == null ? 0 : file.rowsRejected();
		}
		rows.forEach((source, counts) -> {
			rows(source, "read").increment(counts[0]);
			rows(source, "loaded").increment(counts[1]);
			rows(source, "rejected").increment(counts[2]);
		});
	}

	private Counter rows(String source, String outcome) {
		return Counter.builder("tally.rows")
			.description("Rows of the files a run settled, by source: read, loaded and rejected")
			.tags("source", source, "outcome", outcome)
			.register(registry);
	}

	private void countChecks(List<CheckOutcome> outcomes) {
		for (CheckOutcome outcome : outcomes) {
			Counter.builder("tally.checks")
				.description("Reconciliation checks run, by result: passed, failed (blocking) or warned")
				.tag("result", outcome.passed() ? "passed" : outcome.blocking() ? "failed" : "warned")
				.register(registry)
				.increment();
		}
	}

	/** Whether the step ran to completion in this execution, not in an earlier one. */
	private static boolean completedHere(JobExecution execution, String stepName) {
		return execution.getStepExecutions()
			.stream()
			.anyMatch(step -> step.getStepName().equals(stepName) && step.getStatus() == BatchStatus.COMPLETED
					&& step.getJobExecutionId() == execution.getId());
	}

	private static Duration duration(LocalDateTime start, LocalDateTime end) {
		return start == null ? Duration.ZERO : Duration.between(start, end == null ? LocalDateTime.now() : end);
	}

	private static String name(BatchStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

}
