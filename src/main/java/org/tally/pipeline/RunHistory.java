package org.tally.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.ingest.LoadRegistry;
import org.tally.reconcile.CheckOutcome;
import org.tally.reconcile.Reconciler;

/**
 * Reports on the nightly consolidation runs: the history, one run's summary, and the
 * report of a run that has just ended.
 */
@Component
public class RunHistory {

	private final JobRepository jobRepository;

	private final LoadRegistry registry;

	private final Reconciler reconciler;

	private final FigurePublisher figures;

	private final RunOwners owners;

	RunHistory(JobRepository jobRepository, LoadRegistry registry, Reconciler reconciler, FigurePublisher figures,
			RunOwners owners) {
		this.jobRepository = jobRepository;
		this.registry = registry;
		this.reconciler = reconciler;
		this.figures = figures;
		this.owners = owners;
	}

	/** The latest runs, newest first. */
	public List<RunSummary> history(int limit) {
		List<RunSummary> runs = new ArrayList<>();
		for (JobInstance instance : jobRepository.getJobInstances(NightlyConsolidationJobConfiguration.JOB_NAME, 0,
				limit)) {
			List<JobExecution> executions = jobRepository.getJobExecutions(instance);
			JobExecution last = executions.stream().max(Comparator.comparingLong(JobExecution::getId)).orElse(null);
			if (last != null) {
				runs.add(summary(instance, jobRepository.getJobExecution(last.getId()), executions.size()));
			}
		}
		runs.sort(Comparator.comparingLong(RunSummary::runId).reversed());
		return runs;
	}

	/** One run of the history. */
	public Optional<RunSummary> find(long runId) {
		JobInstance instance = jobRepository.getJobInstance(runId);
		if (instance == null) {
			return Optional.empty();
		}
		List<JobExecution> executions = jobRepository.getJobExecutions(instance);
		return executions.stream()
			.max(Comparator.comparingLong(JobExecution::getId))
			.map(last -> summary(instance, jobRepository.getJobExecution(last.getId()), executions.size()));
	}

	private static Duration duration(LocalDateTime start, LocalDateTime end) {
		return start == null ? Duration.ZERO : Duration.between(start, end == null ? LocalDateTime.now() : end);
	}

	private RunSummary summary(JobInstance instance, JobExecution last, int executions) {
		JobParameters parameters = last.getJobParameters();
		var owner = owners.of(last.getId());
		String sources = parameters.getString(RunLauncher.SOURCES_PARAMETER);
		List<RunSummary.StepSummary> steps = last.getStepExecutions()
			.stream()
			.sorted(Comparator.comparingLong(StepExecution::getId))
			.map(s -> new RunSummary.StepSummary(s.getStepName(), s.getStatus().name(), s.getReadCount(),
					s.getWriteCount(), s.getSkipCount(), s.getProcessSkipCount(), s.getFilterCount(),
					duration(s.getStartTime(), s.getEndTime())))
			.toList();
		Duration duration = duration(last.getStartTime(), last.getEndTime());
		String failure = failure(last).orElseGet(() -> blankToNull(last.getExitStatus().getExitDescription()));
		return new RunSummary(instance.getInstanceId(), last.getId(), executions, last.getStatus().name(),
				last.getExitStatus().getExitCode(), failure, asOf(parameters), parameters.getString("trigger"),
				sources == null ? List.of() : Arrays.asList(sources.split(",")),
				owner.map(RunOwners.RunOwner::startedBy).orElseGet(() -> parameters.getString("startedBy")),
				owner.map(RunOwners.RunOwner::describe).orElse(null), last.getStartTime(), last.getEndTime(), duration,
				steps);
	}

	static LocalDate asOf(JobParameters parameters) {
		return parameters.getParameter("asOf") != null
				&& parameters.getParameter("asOf").value() instanceof LocalDate date ? date : null;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.lines().findFirst().orElse(text);
	}

	/**
	 * What a finished execution did: steps, files, checks and the figures it published.
	 */
	RunReport report(JobExecution execution, LocalDate asOf) {
		long runId = execution.getJobInstance().getInstanceId();
		List<RunReport.StepCounts> steps = execution.getStepExecutions()
			.stream()
			.map(s -> new RunReport.StepCounts(s.getStepName(), s.getStatus().name(), s.getReadCount(),
					s.getWriteCount(), s.getSkipCount()))
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
		if (execution.getStatus() == BatchStatus.FAILED) {
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStatus() == BatchStatus.FAILED && !step.getExitStatus().getExitDescription().isBlank()) {
					return Optional.of(step.getStepName() + ": "
							+ step.getExitStatus().getExitDescription().lines().findFirst().orElse(""));
				}
			}
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
