package org.tally.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts and stops the nightly consolidation runs: the one way in for the CLI,
 * the schedule and the web. One run at a time across all processes (a PostgreSQL advisory
 * lock, with Spring Batch's running-execution check as a second guard); executions left
 * STARTED by dead processes are marked FAILED before anything starts.
 */
@Component
public class RunLauncher {

	/**
	 * Job parameter: comma-separated source ids or departments to gather; absent: all.
	 */
	public static final String SOURCES_PARAMETER = "sources";

	/**
	 * Runs a launched run in the caller's thread: launch returns when the run has ended.
	 */
	public static final Executor IN_THIS_THREAD = Runnable::run;

	private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

	private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job nightlyConsolidationJob;

	private final RunHistory history;

	private final RunLock lock;

	private final RunOwners owners;

	private final StaleRuns staleRuns;

	RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job nightlyConsolidationJob, RunHistory history,
			RunLock lock, RunOwners owners, StaleRuns staleRuns) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.nightlyConsolidationJob = nightlyConsolidationJob;
		this.history = history;
		this.lock = lock;
		this.owners = owners;
		this.staleRuns = staleRuns;
	}

	/**
	 * Admits the run now (or refuses it) and runs it on {@code executor}, holding the run
	 * lock until it ends. A trigger seen before continues its run: a failed or stopped
	 * one restarts from the step that failed, a completed one is refused.
	 */
	public RunHandle launch(RunRequest request, Executor executor) throws RunRefusedException {
		RunLock.Lease lease = admit();
		try {
			JobParameters parameters = request.jobParameters();
			Optional<JobExecution> previous = restartable(parameters, request.trigger());
			CompletableFuture<RunReport> report = hand(lease, previous, parameters, request.startedBy(), request.asOf(),
					executor);
			return new RunHandle(awaitInstance(parameters, previous), request.trigger(),
					previous.isPresent() ? "restarted" : "started", report);
		}
		catch (RunRefusedException | RuntimeException ex) {
			lease.close();
			throw ex;
		}
	}

	/**
	 * Restarts a failed or stopped run from the step that failed (the same run, a new
	 * execution) on {@code executor}.
	 */
	public RunHandle restart(long runId, String startedBy, Executor executor) throws RunRefusedException {
		RunLock.Lease lease = admit();
		try {
			JobExecution last = lastRestartableExecution(runId);
			JobParameters parameters = last.getJobParameters();
			return new RunHandle(runId, parameters.getString("trigger"), "restarted",
					hand(lease, Optional.of(last), parameters, startedBy, RunHistory.asOf(parameters), executor));
		}
		catch (RunRefusedException | RuntimeException ex) {
			lease.close();
			throw ex;
		}
	}

	/** Runs on the executor to the end, reports, and lets go of the lease. */
	private CompletableFuture<RunReport> hand(RunLock.Lease lease, Optional<JobExecution> previous,
			JobParameters parameters, String startedBy, LocalDate asOf, Executor executor) {
		CompletableFuture<RunReport> report = new CompletableFuture<>();
		executor.execute(() -> {
			try (lease) {
				report.complete(history.report(launch(previous, parameters, startedBy), asOf));
			}
			catch (RunRefusedException | RuntimeException ex) {
				report.completeExceptionally(ex);
			}
		});
		return report;
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
			staleRuns.markFailed(last, death.get());
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

	/**
	 * Marks FAILED every execution left STARTED by a process that is dead (its host and
	 * pid, or its scheduler node's checkins, say so); executions of live processes are
	 * left alone.
	 */
	public List<StaleRun> recoverStaleRuns() {
		return staleRuns.recover(false);
	}

	/**
	 * Takes the run lock, fails stale executions, and refuses while a live run remains.
	 */
	private RunLock.Lease admit() throws RunRefusedException {
		Optional<RunLock.Lease> lease = lock.tryAcquire();
		if (lease.isEmpty()) {
			throw new RunBusyException(busyMessage(), null);
		}
		try {
			staleRuns.recover(true);
			// Second guard: anything still running belongs to a live process outside the
			// lock.
			if (!staleRuns.running().isEmpty()) {
				throw new RunBusyException(busyMessage(), null);
			}
			return lease.get();
		}
		catch (RunRefusedException | RuntimeException ex) {
			lease.get().close();
			throw ex;
		}
	}

	private String busyMessage() {
		List<JobExecution> running = staleRuns.running();
		if (running.isEmpty()) {
			return "another run is starting; try again when it ends";
		}
		JobExecution execution = running.get(0);
		LocalDateTime since = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
		return "run " + execution.getJobInstance().getInstanceId() + " ("
				+ execution.getJobParameters().getString("trigger") + ") is running since "
				+ (since == null ? "?" : SINCE.format(since)) + "; try again when it ends";
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
		catch (JobExecutionAlreadyRunningException ex) {
			throw new RunBusyException(busyMessage(), ex);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			throw new RunRefusedException(
					"the run with trigger " + parameters.getString("trigger") + " has already completed", ex);
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
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

}
