package org.tally.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.ingest.LoadRegistry;
import org.tally.reconcile.CheckOutcome;
import org.tally.reconcile.Reconciler;

/**
 * Starts, restarts, stops and lists the nightly consolidation runs: the one way in for
 * the CLI, the schedule and the web. One run at a time across all processes (a PostgreSQL
 * advisory lock, with Spring Batch's running-execution check as a second guard);
 * executions left STARTED by dead processes are marked FAILED before anything starts.
 */
@Component
public class ConsolidationRuns implements DisposableBean {

	/**
	 * Job parameter: comma-separated source ids or departments to gather; absent: all.
	 */
	public static final String SOURCES_PARAMETER = "sources";

	private static final Logger log = LoggerFactory.getLogger(ConsolidationRuns.class);

	private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job nightlyConsolidationJob;

	private final LoadRegistry registry;

	private final Reconciler reconciler;

	private final FigurePublisher figures;

	private final RunLock lock;

	private final RunOwners owners;

	// One thread: runs are exclusive anyway; web requests hand their run over and return
	// at once.
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "tally-run");
		thread.setDaemon(false);
		return thread;
	});

	ConsolidationRuns(JobOperator jobOperator, JobRepository jobRepository, Job nightlyConsolidationJob,
			LoadRegistry registry, Reconciler reconciler, FigurePublisher figures, RunLock lock, RunOwners owners) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.nightlyConsolidationJob = nightlyConsolidationJob;
		this.registry = registry;
		this.reconciler = reconciler;
		this.figures = figures;
		this.lock = lock;
		this.owners = owners;
	}

	/**
	 * Runs the job to its end in this thread. {@code trigger} names who asked (cli:…,
	 * nightly:DATE) and identifies the run: the same trigger twice is the same run, never
	 * a second one.
	 */
	public RunReport run(LocalDate asOf, String trigger) throws RunRefusedException {
		return run(new RunRequest(asOf, trigger, List.of(), trigger));
	}

	/**
	 * Runs in this thread to the end. A trigger seen before continues its run: a failed
	 * or stopped one restarts from the step that failed, a completed one is refused.
	 */
	public RunReport run(RunRequest request) throws RunRefusedException {
		try (RunLock.Lease lease = admit()) {
			JobParameters parameters = parameters(request);
			Optional<JobExecution> previous = restartable(parameters, request.trigger());
			return report(launch(previous, parameters, request.startedBy()), request.asOf());
		}
	}

	/**
	 * Admits the run now (or refuses it) and runs it in the background; the caller does
	 * not wait.
	 */
	public RunSubmission submit(RunRequest request) throws RunRefusedException {
		RunLock.Lease lease = admit();
		try {
			JobParameters parameters = parameters(request);
			Optional<JobExecution> previous = restartable(parameters, request.trigger());
			background.execute(() -> {
				try (lease) {
					launch(previous, parameters, request.startedBy());
				}
				catch (RunRefusedException | RuntimeException ex) {
					log.error("run with trigger {} failed to start in the background: {}", request.trigger(),
							ex.getMessage(), ex);
				}
			});
			return new RunSubmission(awaitInstance(parameters, previous), request.trigger(),
					previous.isPresent() ? "restarted" : "started");
		}
		catch (RunRefusedException | RuntimeException ex) {
			lease.close();
			throw ex;
		}
	}

	/**
	 * Restarts a failed or stopped run from the step that failed (the same run, a new
	 * execution).
	 */
	public RunReport restart(long runId, String startedBy) throws RunRefusedException {
		try (RunLock.Lease lease = admit()) {
			JobExecution last = lastRestartableExecution(runId);
			return report(launch(Optional.of(last), last.getJobParameters(), startedBy), asOf(last.getJobParameters()));
		}
	}

	/** {@link #restart} in the background. */
	public RunSubmission submitRestart(long runId, String startedBy) throws RunRefusedException {
		RunLock.Lease lease = admit();
		try {
			JobExecution last = lastRestartableExecution(runId);
			background.execute(() -> {
				try (lease) {
					launch(Optional.of(last), last.getJobParameters(), startedBy);
				}
				catch (RunRefusedException | RuntimeException ex) {
					log.error("run={} failed to restart in the background: {}", runId, ex.getMessage(), ex);
				}
			});
			return new RunSubmission(runId, last.getJobParameters().getString("trigger"), "restarted");
		}
		catch (RunRefusedException | RuntimeException ex) {
			lease.close();
			throw ex;
		}
	}

	/**
	 * Asks a running run to stop (it stops at the next chunk or step boundary, on
	 * whichever node runs it). A run whose process is dead is marked FAILED instead:
	 * there is nobody to stop.
	 */
	public String stop(long runId) throws RunRefusedException {
		JobExecution last = lastExecution(runId);
		if (!last.isRunning()) {
			throw new RunRefusedException("run " + runId + " is not running (" + last.getStatus() + ")", null);
		}
		Optional<String> death = owners.deathOf(last.getId(), false);
		if (death.isPresent()) {
			markFailed(last, death.get());
			return "run " + runId + " was not running any more (" + death.get() + "): marked FAILED; restart it with"
					+ " `tally restart " + runId + "`";
		}
		try {
			jobOperator.stop(last);
		}
		catch (JobExecutionNotRunningException ex) {
			throw new RunRefusedException("run " + runId + " is not running", ex);
		}
		return "run " + runId + " is stopping: it stops at the next step or chunk boundary";
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

	/**
	 * Marks FAILED every execution left STARTED by a process that is dead (its host and
	 * pid, or its scheduler node's checkins, say so); executions of live processes are
	 * left alone.
	 */
	public List<StaleRun> recoverStaleRuns() {
		return recoverStale(false);
	}

	@Override
	public void destroy() {
		background.shutdown();
	}

	/**
	 * Takes the run lock, fails stale executions, and refuses while a live run remains.
	 */
	private RunLock.Lease admit() throws RunRefusedException {
		Optional<RunLock.Lease> lease = lock.tryAcquire();
		if (lease.isEmpty()) {
			throw new RunRefusedException(busyMessage(), null);
		}
		try {
			recoverStale(true);
			// Second guard: anything still running belongs to a live process outside the
			// lock.
			if (!running().isEmpty()) {
				throw new RunRefusedException(busyMessage(), null);
			}
			return lease.get();
		}
		catch (RunRefusedException | RuntimeException ex) {
			lease.get().close();
			throw ex;
		}
	}

	private List<StaleRun> recoverStale(boolean holdingLock) {
		List<StaleRun> recovered = new ArrayList<>();
		for (JobExecution execution : running()) {
			Optional<String> death = owners.deathOf(execution.getId(), holdingLock);
			if (death.isPresent()) {
				markFailed(execution, death.get());
				recovered.add(new StaleRun(execution.getJobInstance().getInstanceId(), execution.getId(), death.get()));
			}
		}
		return recovered;
	}

	private void markFailed(JobExecution stale, String why) {
		JobExecution execution = jobRepository.getJobExecution(stale.getId());
		String reason = "recovered by " + owners.host() + ":" + owners.pid() + ": " + why;
		log.warn("run={} execution={} left {} by a dead process; marking it FAILED: {}",
				execution.getJobInstance().getInstanceId(), execution.getId(), execution.getStatus(), why);
		execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning()) {
				step.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
			}
		}
		jobOperator.recover(execution);
	}

	private List<JobExecution> running() {
		return jobRepository.findRunningJobExecutions(NightlyConsolidationJobConfiguration.JOB_NAME)
			.stream()
			.sorted(Comparator.comparingLong(JobExecution::getId))
			.toList();
	}

	private String busyMessage() {
		List<JobExecution> running = running();
		if (running.isEmpty()) {
			return "another run is starting; try again when it ends";
		}
		JobExecution execution = running.get(0);
		LocalDateTime since = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
		return "run " + execution.getJobInstance().getInstanceId() + " ("
				+ execution.getJobParameters().getString("trigger") + ") is running since "
				+ (since == null ? "?" : SINCE.format(since)) + "; try again when it ends";
	}

	private static JobParameters parameters(RunRequest request) {
		JobParametersBuilder parameters = new JobParametersBuilder().addString("trigger", request.trigger());
		if (request.asOf() != null) {
			parameters.addLocalDate("asOf", request.asOf());
		}
		if (!request.sources().isEmpty()) {
			parameters.addString(SOURCES_PARAMETER, String.join(",", request.sources()), false);
		}
		parameters.addString("startedBy", request.startedBy(), false);
		return parameters.toJobParameters();
	}

	/**
	 * The failed or stopped execution to continue for these parameters, or empty for a
	 * new run.
	 */
	private Optional<JobExecution> restartable(JobParameters parameters, String trigger) throws RunRefusedException {
		JobInstance instance = jobRepository.getJobInstance(NightlyConsolidationJobConfiguration.JOB_NAME, parameters);
		if (instance == null) {
			return Optional.empty();
		}
		JobExecution last = jobRepository.getLastJobExecution(instance);
		if (last == null) {
			return Optional.empty();
		}
		if (last.getStatus() == BatchStatus.COMPLETED) {
			throw new RunRefusedException(
					"run " + instance.getInstanceId() + " (" + trigger + ") has already completed", null);
		}
		if (last.getStatus() == BatchStatus.ABANDONED) {
			throw new RunRefusedException("run " + instance.getInstanceId() + " (" + trigger + ") was abandoned", null);
		}
		return Optional.of(last);
	}

	private JobExecution lastRestartableExecution(long runId) throws RunRefusedException {
		JobExecution last = lastExecution(runId);
		if (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED) {
			throw new RunRefusedException("run " + runId + " cannot be restarted: it is " + last.getStatus()
					+ " (only FAILED or STOPPED runs restart)", null);
		}
		return last;
	}

	private JobExecution lastExecution(long runId) throws RunRefusedException {
		JobInstance instance = jobRepository.getJobInstance(runId);
		if (instance == null || !NightlyConsolidationJobConfiguration.JOB_NAME.equals(instance.getJobName())) {
			throw new RunRefusedException("there is no run " + runId, null);
		}
		JobExecution last = jobRepository.getLastJobExecution(instance);
		if (last == null) {
			throw new RunRefusedException("run " + runId + " has no execution", null);
		}
		return last;
	}

	private JobExecution launch(Optional<JobExecution> previous, JobParameters parameters, String startedBy)
			throws RunRefusedException {
		owners.startingAs(startedBy);
		try {
			if (previous.isPresent()) {
				log.info("run={} restarting from its failed step (execution {} was {})",
						previous.get().getJobInstance().getInstanceId(), previous.get().getId(),
						previous.get().getStatus());
				return jobOperator.restart(jobRepository.getJobExecution(previous.get().getId()));
			}
			return jobOperator.start(nightlyConsolidationJob, parameters);
		}
		catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException ex) {
			throw new RunRefusedException(busyMessage(), ex);
		}
		catch (org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException ex) {
			throw new RunRefusedException(
					"the run with trigger " + parameters.getString("trigger") + " has already completed", ex);
		}
		catch (org.springframework.batch.core.launch.JobRestartException
				| org.springframework.batch.core.job.parameters.InvalidJobParametersException ex) {
			throw new RunRefusedException(ex.getMessage(), ex);
		}
		finally {
			owners.clearStarting();
		}
	}

	private Long awaitInstance(JobParameters parameters, Optional<JobExecution> previous) {
		if (previous.isPresent()) {
			return previous.get().getJobInstance().getInstanceId();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < deadline) {
			JobInstance instance = jobRepository.getJobInstance(NightlyConsolidationJobConfiguration.JOB_NAME,
					parameters);
			if (instance != null) {
				return instance.getInstanceId();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	private static Duration duration(LocalDateTime start, LocalDateTime end) {
		return start == null ? Duration.ZERO : Duration.between(start, end == null ? LocalDateTime.now() : end);
	}

	private RunSummary summary(JobInstance instance, JobExecution last, int executions) {
		JobParameters parameters = last.getJobParameters();
		var owner = owners.of(last.getId());
		String sources = parameters.getString(SOURCES_PARAMETER);
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

	private static LocalDate asOf(JobParameters parameters) {
		return parameters.getParameter("asOf") != null
				&& parameters.getParameter("asOf").value() instanceof LocalDate date ? date : null;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.lines().findFirst().orElse(text);
	}

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
