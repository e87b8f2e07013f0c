package org.tally.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.WarehouseProbe;

/**
 * Two `tally serve` nodes on one database; the node running the scheduled night is killed
 * with SIGKILL while it loads the large ledger, and the other node alone must take the
 * run over: Quartz's cluster recovery fires the job again, the dead owner's execution is
 * marked FAILED and the same run restarts from its failed step.
 */
final class NodeKilled extends AgainstCleanRun {

	/**
	 * The most the takeover (SIGKILL to the dead execution marked FAILED, which happens
	 * as the survivor restarts the run) may take. Quartz counts a node failed once its
	 * last checkin is older than the checkin interval (10 s) plus 7.5 s, seen at the
	 * survivor's next checkin (every 10 s): at worst about 38 s after the kill; the
	 * recovery trigger then fires at once (it ignores the misfire policy). 90 s leaves
	 * room for a loaded machine, and stays far below the 5 minutes a fire waits when it
	 * finds the run lock taken (BusyRetry), so a takeover that fell into that wait fails.
	 */
	static final Duration TAKEOVER_BOUND = Duration.ofSeconds(90);

	/** A run restarted from its failed step may take this long to complete. */
	private static final Duration RESTARTED_RUN = Duration.ofMinutes(5);

	private static final String OWNER = "SELECT o.pid, coalesce(o.scheduler_instance, '-'), e.job_execution_id"
			+ " FROM batch_job_execution e JOIN ops.run_owner o ON o.job_execution_id = e.job_execution_id"
			+ " WHERE e.job_instance_id = ? ORDER BY e.job_execution_id DESC LIMIT 1";

	NodeKilled(Map<String, String> clean, int rows) {
		super(clean, "node-killed", "the node running the night killed",
				"two `tally serve` nodes on one database; a schedule fires the night and the node that took it is"
						+ " killed with SIGKILL once it has written ≥ 20,000 rows of a " + rows + "-row ledger",
				"the surviving node alone marks the dead execution FAILED and restarts the same run (same run id,"
						+ " a second execution) within " + TAKEOVER_BOUND.toSeconds()
						+ " s; the run completes and the warehouse equals the clean run's");
	}

	@Override
	long inject(Installation it, List<String> differences, List<String> notes) throws Exception {
		// Every 20 s rather than once: a one-shot time could pass before a slow node has
		// installed it. The first fire starts the night; fires while it runs wait (the
		// job is not concurrent), later ones find the night done.
		Map<String, String> schedules = it.schedule("nightly", "Fires the night; later fires find it done.",
				"0/20 * * * * ?");
		long before;
		try (WarehouseProbe probe = it.probe()) {
			before = probe.latestRun();
		}
		List<ChildTally> nodes = List.of(it.start("node-a", schedules, "serve", "--port", "0"),
				it.start("node-b", schedules, "serve", "--port", "0"));
		try (WarehouseProbe probe = it.probe()) {
			takeOver(probe, before, nodes, differences, notes);
		}
		finally {
			for (ChildTally node : nodes) {
				node.kill();
			}
		}
		return it.compareWithClean(clean, differences);
	}

	private void takeOver(WarehouseProbe probe, long before, List<ChildTally> nodes, List<String> differences,
			List<String> notes) throws Exception {
		long written = Await.count(probe, nodes.get(0), MidLoad.ROWS_WRITTEN_WHILE_PENDING, 20_000,
				FaultHarness.BIG_LEDGER);
		if (!Await.until(Duration.ofMinutes(2), Duration.ofMillis(100), () -> true,
				() -> nodes.stream().allMatch(n -> n.output().contains("tally: serving on")))) {
			differences.add("both nodes were not serving within two minutes");
			return;
		}
		long run = probe.latestRun();
		List<String> owner = probe.rows(OWNER, run).get(0);
		long pid = Long.parseLong(owner.get(0));
		long deadExecution = Long.parseLong(owner.get(2));
		Optional<ChildTally> dying = nodes.stream().filter(n -> n.pid() == pid).findFirst();
		if (dying.isEmpty() || run == before) {
			differences
				.add("run " + run + " (the runs before: " + before + ") is owned by pid " + pid + ", neither node");
			return;
		}
		ChildTally survivor = nodes.get(dying.get() == nodes.get(0) ? 1 : 0);
		String dead = dying.get() == nodes.get(0) ? "node-a" : "node-b";
		dying.get().kill();
		Instant killed = Instant.now();
		notes.add("SIGKILL of %s (pid %d, scheduler %s), the owner of run %d, with %d rows of the large ledger written"
			.formatted(dead, pid, owner.get(1), run, written));
		Optional<Duration> failed = await(probe, survivor, killed, TAKEOVER_BOUND.plusSeconds(60),
				"SELECT count(*) FROM batch_job_execution WHERE job_execution_id = ? AND status = 'FAILED'",
				deadExecution);
		Optional<Duration> completed = await(probe, survivor, killed, TAKEOVER_BOUND.plus(RESTARTED_RUN),
				"SELECT count(*) FROM batch_job_execution WHERE job_instance_id = ? AND status = 'COMPLETED'", run);
		notes.add("execution %d FAILED %s after the kill (%s); run %d COMPLETED %s after the kill"
			.formatted(deadExecution, seconds(failed), reason(probe, deadExecution), run, seconds(completed)));
		if (failed.isEmpty() || failed.get().compareTo(TAKEOVER_BOUND) > 0) {
			differences.add("the dead node's execution " + deadExecution + " was marked FAILED " + seconds(failed)
					+ " after the kill, over the bound of " + TAKEOVER_BOUND.toSeconds() + " s");
		}
		if (completed.isEmpty()) {
			differences.add("run " + run + " did not complete after the takeover:\n" + survivor.output());
			return;
		}
		checkSameRun(probe, run, survivor, differences, notes);
		if (!survivor.alive()) {
			differences.add("the surviving node ended: " + survivor.verdict());
		}
	}

	/**
	 * The run was restarted, not started anew: one run, two executions, by the survivor.
	 */
	private static void checkSameRun(WarehouseProbe probe, long run, ChildTally survivor, List<String> differences,
			List<String> notes) throws Exception {
		if (probe.latestRun() != run) {
			differences.add("a new run " + probe.latestRun() + " was started instead of restarting run " + run);
		}
		List<List<String>> executions = probe.rows("SELECT e.job_execution_id, e.status, o.pid, o.started_by"
				+ " FROM batch_job_execution e LEFT JOIN ops.run_owner o ON o.job_execution_id = e.job_execution_id"
				+ " WHERE e.job_instance_id = ? ORDER BY 1", run);
		notes.add("run " + run + " executions (id, status, pid, started by): " + executions);
		if (executions.size() != 2 || !executions.get(1).get(2).equals(Long.toString(survivor.pid()))) {
			differences.add("run " + run + " should have two executions, the second by the surviving node (pid "
					+ survivor.pid() + "): " + executions);
		}
		if (!survivor.output().contains("recovering a run whose node died")) {
			differences.add("the surviving node's log shows no recovery fire");
		}
	}

	/**
	 * How long after the kill a count query first answered 1, while the survivor lives.
	 */
	private static Optional<Duration> await(WarehouseProbe probe, ChildTally survivor, Instant killed, Duration timeout,
			String sql, long id) throws Exception {
		return Await.poll(timeout, Duration.ofMillis(200), survivor::alive, () -> probe.count(sql, id) > 0
				? Optional.of(Duration.between(killed, Instant.now())) : Optional.empty());
	}

	private static String reason(WarehouseProbe probe, long execution) throws Exception {
		List<List<String>> rows = probe.rows("SELECT exit_message FROM batch_job_execution WHERE job_execution_id = ?",
				execution);
		String message = rows.isEmpty() || rows.get(0).get(0) == null ? "" : rows.get(0).get(0);
		return message.lines().findFirst().orElse("no exit message");
	}

	private static String seconds(Optional<Duration> duration) {
		return duration.map(d -> "%.1f s".formatted(d.toMillis() / 1000.0)).orElse("never");
	}

}
