package org.tally.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which process owns (runs) each job execution, and whether that process is still alive,
 * so that a node marks FAILED only the executions of dead processes, never those of a
 * live neighbour.
 */
@Component
class RunOwners {

	/**
	 * Checkins a Quartz node may miss before it counts as dead; Quartz's own recovery
	 * waits about as long.
	 */
	private static final int MISSED_CHECKINS = 3;

	private final JdbcClient jdbc;

	private final ObjectProvider<Scheduler> scheduler;

	private final RunLock lock;

	private final String host;

	private final long pid;

	private final Instant processStart;

	private final ThreadLocal<String> startedBy = new ThreadLocal<>();

	RunOwners(JdbcClient jdbc, ObjectProvider<Scheduler> scheduler, RunLock lock) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.lock = lock;
		this.host = localHost();
		this.pid = ProcessHandle.current().pid();
		this.processStart = ProcessHandle.current().info().startInstant().orElse(null);
	}

	record RunOwner(long executionId, long runId, String host, long pid, Instant processStartedAt,
			String schedulerInstance, String startedBy) {

		String describe() {
			return host + ":" + pid + (schedulerInstance == null ? "" : " (scheduler " + schedulerInstance + ")");
		}
	}

	/**
	 * Who starts the executions launched by this thread next: restarts keep their first
	 * parameters.
	 */
	void startingAs(String who) {
		startedBy.set(who);
	}

	void clearStarting() {
		startedBy.remove();
	}

	/** Records this process as the owner of an execution that is about to run. */
	void claim(JobExecution execution) {
		String who = startedBy.get();
		if (who == null) {
			who = execution.getJobParameters().getString("startedBy", "unknown");
		}
		jdbc.sql(
				"""
						INSERT INTO ops.run_owner (job_execution_id, run_id, host, pid, process_started_at, scheduler_instance, started_by)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (job_execution_id) DO UPDATE SET run_id = EXCLUDED.run_id, host = EXCLUDED.host,
						  pid = EXCLUDED.pid, process_started_at = EXCLUDED.process_started_at,
						  scheduler_instance = EXCLUDED.scheduler_instance, started_by = EXCLUDED.started_by, recorded_at = now()""")
			.params(execution.getId(), execution.getJobInstance().getInstanceId(), host, pid,
					processStart == null ? null : Timestamp.from(processStart), schedulerInstance(), who)
			.update();
	}

	Optional<RunOwner> of(long executionId) {
		return jdbc.sql("""
				SELECT job_execution_id, run_id, host, pid, process_started_at, scheduler_instance, started_by
				FROM ops.run_owner WHERE job_execution_id = ?""")
			.param(executionId)
			.query((rs, n) -> new RunOwner(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
					rs.getString(7)))
			.optional();
	}

	/**
	 * Why the owner of an execution is known to be dead, or empty while it may be alive.
	 * An execution without an owner row (its process died between creating and claiming
	 * it) is dead when nobody holds the run lock, or when the caller holds it: every run
	 * holds the lock while it runs.
	 */
	Optional<String> deathOf(long executionId, boolean callerHoldsLock) {
		Optional<RunOwner> found = of(executionId);
		if (found.isEmpty()) {
			return callerHoldsLock || !lock.held()
					? Optional.of("its process is gone (no owner recorded, run lock free)") : Optional.empty();
		}
		RunOwner owner = found.get();
		if (owner.host().equals(host)) {
			if (owner.pid() == pid && sameStart(owner.processStartedAt(), processStart)) {
				return Optional.empty();
			}
			Optional<ProcessHandle> process = ProcessHandle.of(owner.pid()).filter(ProcessHandle::isAlive);
			if (process.isEmpty()) {
				return Optional.of("its process " + owner.describe() + " is no longer running");
			}
			Instant started = process.get().info().startInstant().orElse(null);
			if (owner.processStartedAt() != null && started != null && !sameStart(owner.processStartedAt(), started)) {
				return Optional.of("its process " + owner.describe() + " is gone (pid now reused by another process)");
			}
			return Optional.empty();
		}
		if (owner.schedulerInstance() != null) {
			return checkedInRecently(owner.schedulerInstance()) ? Optional.empty()
					: Optional.of("its node " + owner.describe() + " stopped checking in with the scheduler cluster");
		}
		return callerHoldsLock || !lock.held()
				? Optional.of("its process " + owner.describe() + " no longer holds the run lock") : Optional.empty();
	}

	private boolean checkedInRecently(String instance) {
		return jdbc.sql("""
				SELECT count(*) FROM qrtz_scheduler_state
				WHERE instance_name = ? AND last_checkin_time + ? * checkin_interval >= ?""")
			.params(instance, MISSED_CHECKINS, System.currentTimeMillis())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The clustered scheduler's instance id when this process runs a started one (tally
	 * serve).
	 */
	private String schedulerInstance() {
		Scheduler running = scheduler.getIfAvailable();
		try {
			if (running != null && running.isStarted() && !running.isShutdown() && !running.isInStandbyMode()) {
				return running.getSchedulerInstanceId();
			}
		}
		catch (SchedulerException ex) {
			// a scheduler that cannot answer is not one others can see checking in
		}
		return null;
	}

	private static boolean sameStart(Instant a, Instant b) {
		return a == null || b == null || Duration.between(a, b).abs().compareTo(Duration.ofSeconds(2)) <= 0;
	}

	private static String localHost() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return System.getenv().getOrDefault("HOSTNAME", "localhost");
		}
	}

	String host() {
		return host;
	}

	long pid() {
		return pid;
	}

}
