package org.tally.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.ingest.LoadRegistry;
import org.tally.reconcile.CheckOutcome;
import org.tally.reconcile.Reconciler;

/** Starts the nightly consolidation and reports on it: the one way in for the CLI, schedule and web. */
@Component
public class ConsolidationRuns {

	private final JobOperator jobOperator;
	private final Job nightlyConsolidationJob;
	private final LoadRegistry registry;
	private final Reconciler reconciler;
	private final FigurePublisher figures;

	ConsolidationRuns(JobOperator jobOperator, Job nightlyConsolidationJob, LoadRegistry registry, Reconciler reconciler,
			FigurePublisher figures) {
		this.jobOperator = jobOperator;
		this.nightlyConsolidationJob = nightlyConsolidationJob;
		this.registry = registry;
		this.reconciler = reconciler;
		this.figures = figures;
	}

	/**
	 * Runs the job to its end in this thread. {@code trigger} names who asked (cli:…, nightly:DATE)
	 * and identifies the run: the same trigger twice is the same run, never a second one.
	 */
	public RunReport run(LocalDate asOf, String trigger) throws RunRefusedException {
		JobParametersBuilder parameters = new JobParametersBuilder().addString("trigger", trigger);
		if (asOf != null) {
			parameters.addLocalDate("asOf", asOf);
		}
		JobParameters jobParameters = parameters.toJobParameters();
		try {
			return report(jobOperator.start(nightlyConsolidationJob, jobParameters), asOf);
		}
		catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException ex) {
			throw new RunRefusedException("a run with trigger " + trigger + " is already running", ex);
		}
		catch (org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException ex) {
			throw new RunRefusedException("the run with trigger " + trigger + " has already completed", ex);
		}
		catch (org.springframework.batch.core.launch.JobRestartException
				| org.springframework.batch.core.job.parameters.InvalidJobParametersException ex) {
			throw new RunRefusedException(ex.getMessage(), ex);
		}
	}

	RunReport report(JobExecution execution, LocalDate asOf) {
		long runId = execution.getJobInstance().getInstanceId();
		List<RunReport.StepCounts> steps = execution.getStepExecutions().stream()
			.map(s -> new RunReport.StepCounts(s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
					s.getSkipCount()))
			.toList();
		List<FigureValue> published = figures.latest(asOf).stream().filter(f -> f.runId() == runId).toList();
		LocalDate shownAsOf = published.isEmpty() ? asOf : published.get(0).asOf();
		List<CheckOutcome> checks = shownAsOf == null ? List.of() : reconciler.outcomes(runId, shownAsOf);
		Duration duration = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
				: Duration.between(execution.getStartTime(), execution.getEndTime());
		return new RunReport(runId, execution.getId(), execution.getStatus().name(), failure(execution).orElse(null),
				duration, steps, registry.files(runId), checks, shownAsOf, published);
	}

	/** One line saying why a run failed: the first failure of the first failed step. */
	private static Optional<String> failure(JobExecution execution) {
		for (StepExecution step : execution.getStepExecutions()) {
			if (!step.getFailureExceptions().isEmpty()) {
				Throwable cause = step.getFailureExceptions().get(0);
				return Optional.of(step.getStepName() + ": " + rootMessage(cause));
			}
		}
		if (!execution.getAllFailureExceptions().isEmpty()) {
			return Optional.of(rootMessage(execution.getAllFailureExceptions().get(0)));
		}
		return Optional.empty();
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.lines().map(String::strip).collect(Collectors.joining(" "));
	}
}
