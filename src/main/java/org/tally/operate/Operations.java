package org.tally.operate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tally.operate.internal.AuditLog;
import org.tally.pipeline.ConsolidationRuns;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import org.tally.pipeline.RunRequest;
import org.tally.pipeline.RunSubmission;
import org.tally.pipeline.RunSummary;
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
public class Operations {

	private final ConsolidationRuns runs;

	private final Schedules schedules;

	private final AuditLog audit;

	Operations(ConsolidationRuns runs, Schedules schedules, AuditLog audit) {
		this.runs = runs;
		this.schedules = schedules;
		this.audit = audit;
	}

	public List<RunSummary> runs(int limit) {
		return runs.history(limit);
	}

	public RunReport runNow(LocalDate asOf, Actor actor) throws RunRefusedException {
		RunRequest request = new RunRequest(asOf, actor.channel() + ":" + Instant.now(), List.of(), actor.describe());
		return audited(actor, "run", request.trigger(), () -> runs.run(request));
	}

	public RunSubmission submitRunNow(LocalDate asOf, Actor actor) throws RunRefusedException {
		RunRequest request = new RunRequest(asOf, actor.channel() + ":" + Instant.now(), List.of(), actor.describe());
		return audited(actor, "run", request.trigger(), () -> runs.submit(request));
	}

	/**
	 * A new run for one period that supersedes the figures published for it; a department
	 * limits the gathering.
	 */
	public RunReport rerun(LocalDate asOf, String department, Actor actor) throws RunRefusedException {
		RunRequest request = rerunRequest(asOf, department, actor);
		return audited(actor, "rerun", request.trigger(), () -> runs.run(request));
	}

	public RunSubmission submitRerun(LocalDate asOf, String department, Actor actor) throws RunRefusedException {
		RunRequest request = rerunRequest(asOf, department, actor);
		return audited(actor, "rerun", request.trigger(), () -> runs.submit(request));
	}

	public RunReport restart(long runId, Actor actor) throws RunRefusedException {
		return audited(actor, "restart", "run " + runId, () -> runs.restart(runId, actor.describe()));
	}

	public RunSubmission submitRestart(long runId, Actor actor) throws RunRefusedException {
		return audited(actor, "restart", "run " + runId, () -> runs.submitRestart(runId, actor.describe()));
	}

	public String stop(long runId, Actor actor) throws RunRefusedException {
		return audited(actor, "stop", "run " + runId, () -> runs.stop(runId));
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
