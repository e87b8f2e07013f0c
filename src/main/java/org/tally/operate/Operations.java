package org.tally.operate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.tally.operate.internal.AuditLog;
import org.tally.pipeline.RunHandle;
import org.tally.pipeline.RunHistory;
import org.tally.pipeline.RunLauncher;
import org.tally.pipeline.RunProgress;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import org.tally.pipeline.RunRequest;
import org.tally.pipeline.RunSubmission;
import org.tally.pipeline.RunSummary;
import org.tally.pipeline.RunWatch;
import org.tally.schedule.ScheduleException;
import org.tally.schedule.ScheduleState;
import org.tally.schedule.Schedules;

/**
 * The operator's operations, the same for the CLI and the web: run now, rerun a period
 * (optionally one department), restart, stop, list runs, pause and resume schedules.
 * Every change is audited. The {@code submit…} variants return once the run is admitted;
 * the others wait for its end.
 */
@Component
public class Operations implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Operations.class);

	private final RunLauncher launcher;

	private final RunHistory history;

	private final RunWatch watch;

	private final Schedules schedules;

	private final AuditLog audit;

	// One thread: runs are exclusive anyway; web requests hand their run over and return
	// at once.
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "tally-run");
		thread.setDaemon(false);
		return thread;
	});

	Operations(RunLauncher launcher, RunHistory history, RunWatch watch, Schedules schedules, AuditLog audit) {
		this.launcher = launcher;
		this.history = history;
		this.watch = watch;
		this.schedules = schedules;
		this.audit = audit;
	}

	public List<RunSummary> runs(int limit) {
		return history.history(limit);
	}

	/** One run, looked up by its id rather than found in the history. */
	public Optional<RunSummary> run(long runId) {
		return history.find(runId);
	}

	/**
	 * A run as it goes: its step and each file's progress, whichever process runs it.
	 */
	public Optional<RunProgress> progress(long runId) {
		return watch.progress(runId);
	}

	public RunReport runNow(LocalDate asOf, Actor actor) throws RunRefusedException {
		RunRequest request = new RunRequest(asOf, actor.channel() + ":" + Instant.now(), List.of(), actor.describe());
		return audited(actor, "run", request.trigger(),
				() -> launcher.launch(request, RunLauncher.IN_THIS_THREAD).await());
	}

	public RunSubmission submitRunNow(LocalDate asOf, Actor actor) throws RunRefusedException {
		RunRequest request = new RunRequest(asOf, actor.channel() + ":" + Instant.now(), List.of(), actor.describe());
		return audited(actor, "run", request.trigger(), () -> inBackground(launcher.launch(request, background)));
	}

	/**
	 * A new run for one period that supersedes the figures published for it; a department
	 * limits the gathering.
	 */
	public RunReport rerun(LocalDate asOf, String department, Actor actor) throws RunRefusedException {
		RunRequest request = rerunRequest(asOf, department, actor);
		return audited(actor, "rerun", request.trigger(),
				() -> launcher.launch(request, RunLauncher.IN_THIS_THREAD).await());
	}

	public RunSubmission submitRerun(LocalDate asOf, String department, Actor actor) throws RunRefusedException {
		RunRequest request = rerunRequest(asOf, department, actor);
		return audited(actor, "rerun", request.trigger(), () -> inBackground(launcher.launch(request, background)));
	}

	public RunReport restart(long runId, Actor actor) throws RunRefusedException {
		return audited(actor, "restart", "run " + runId,
				() -> launcher.restart(runId, actor.describe(), RunLauncher.IN_THIS_THREAD).await());
	}

	public RunSubmission submitRestart(long runId, Actor actor) throws RunRefusedException {
		return audited(actor, "restart", "run " + runId,
				() -> inBackground(launcher.restart(runId, actor.describe(), background)));
	}

	public String stop(long runId, Actor actor) throws RunRefusedException {
		return audited(actor, "stop", "run " + runId, () -> launcher.stop(runId));
	}

	public void pause(String schedule, Actor actor) {
		scheduleAudited(actor, "pause", schedule, () -> schedules.pause(schedule));
	}

	public void resume(String schedule, Actor actor) {
		scheduleAudited(actor, "resume", schedule, () -> schedules.resume(schedule));
	}

	public List<ScheduleState> schedules() {
		return schedules.states();
	}

	public List<AuditLog.Entry> audit(int limit) {
		return audit.latest(limit);
	}

	@Override
	public void destroy() {
		background.shutdown();
	}

	/** Nobody waits for a run in the background: a failure to start is logged. */
	private static RunSubmission inBackground(RunHandle handle) {
		handle.report().whenComplete((report, failure) -> {
			if (failure != null) {
				log.error("run with trigger {} failed to start in the background: {}", handle.trigger(),
						failure.getMessage(), failure);
			}
		});
		return handle.submission();
	}

	private static RunRequest rerunRequest(LocalDate asOf, String department, Actor actor) {
		if (asOf == null) {
			throw new IllegalArgumentException("a rerun needs --as-of DATE: the period to publish again");
		}
		String scope = department == null || department.isBlank() ? "" : ":" + department;
		return new RunRequest(asOf, "rerun:" + asOf + scope + ":" + Instant.now(),
				scope.isEmpty() ? List.of() : List.of(department), actor.describe());
	}

	private interface Operation<T> {

		T perform() throws RunRefusedException;

	}

	private <T> T audited(Actor actor, String action, String target, Operation<T> operation)
			throws RunRefusedException {
		try {
			T result = operation.perform();
			audit.record(actor, action, target, "ok", detail(result));
			return result;
		}
		catch (RunRefusedException ex) {
			audit.record(actor, action, target, "refused", ex.getMessage());
			throw ex;
		}
		catch (RuntimeException ex) {
			audit.record(actor, action, target, "failed", ex.getMessage());
			throw ex;
		}
	}

	private void scheduleAudited(Actor actor, String action, String schedule, Runnable operation) {
		try {
			operation.run();
			audit.record(actor, action, "schedule " + schedule, "ok", null);
		}
		catch (ScheduleException ex) {
			audit.record(actor, action, "schedule " + schedule, "refused", ex.getMessage());
			throw ex;
		}
	}

	private static String detail(Object result) {
		if (result instanceof RunReport report) {
			return "run " + report.runId() + " " + report.status();
		}
		if (result instanceof RunSubmission submission) {
			return "run " + submission.runId() + " " + submission.action() + " (" + submission.trigger() + ")";
		}
		return result == null ? null : result.toString();
	}

}
