package org.tally.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.WarehouseProbe;

/**
 * The run lock's session killed (pg_terminate_backend) while `tally run` stages the large
 * ledger: a second `tally run` is still refused while the first winds down, the first
 * stops at its next chunk naming the lost lease, and `tally restart RUN` completes.
 */
final class LostLease extends AgainstCleanRun {

	/** The run lock as pg_locks shows it (RunLock: class 0x7A11, key 1). */
	private static final String LEASE_BACKEND = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
			+ " AND classid = 31249 AND objid = 1 AND objsubid = 2";

	LostLease(Map<String, String> clean) {
		super(clean, "lost-lease", "run lock's lease lost mid-load",
				"pg_terminate_backend on the run lock's session while `tally run` stages rows, the run held between"
						+ " two chunks meanwhile (its step progress locked against writers) so that it is surely still going",
				"a second `tally run` is refused while the first winds down; the first stops at its next chunk with"
						+ " \"the run lock's lease was lost\"; the figures stay as they were; after `tally restart RUN`"
						+ " the warehouse equals the clean run's");
	}

	@Override
	long inject(Installation it, List<String> differences, List<String> notes) throws Exception {
		MidLoad load = MidLoad.start(it, "lease");
		ChildTally first = load.child();
		long run = load.run();
		List<List<String>> figuresBefore;
		try (WarehouseProbe probe = it.probe(); WarehouseProbe holder = it.probe()) {
			figuresBefore = probe.rows("SELECT * FROM publish.figure_version ORDER BY 1");
			holder.holdStepProgress();
			try {
				long backend = probe.count(LEASE_BACKEND);
				if (backend == 0) {
					differences.add("no session held the run lock while run " + run + " was going");
					return 0;
				}
				probe.count("SELECT count(*) FROM pg_terminate_backend(?::int) WHERE pg_terminate_backend", backend);
				Instant killed = Instant.now();
				if (!Await.until(Duration.ofSeconds(30), Duration.ofMillis(20), () -> true,
						() -> probe.count("SELECT count(*) FROM pg_stat_activity WHERE pid = ?::int", backend) == 0)) {
					differences.add("the run lock's session " + backend + " outlived pg_terminate_backend");
				}
				notes.add("pg_terminate_backend(%d), the run lock's session, after %.1f s with %d rows written"
					.formatted(backend, first.secondsSinceStart(), load.written()));
				ChildTally second = it.start("second", "run");
				int exit = second.await(300);
				notes.add("a second `tally run` exited %d %.1f s after the kill: %s".formatted(exit,
						Duration.between(killed, Instant.now()).toMillis() / 1000.0, second.verdict()));
				if (exit != 3 || !second.verdict().contains("is running since")) {
					differences
						.add("a second `tally run` exited " + exit + " (expected 3, refused): " + second.verdict());
				}
			}
			finally {
				holder.releaseStepProgress();
			}
			int exit = first.await(300);
			notes.add("the first run's process exited %d: %s".formatted(exit, first.verdict()));
			if (exit != 4 || !first.verdict().contains("the run lock's lease was lost")) {
				differences.add("the first run's process exited " + exit + " (expected 4, naming the lost lease): "
						+ first.verdict());
			}
			if (!probe.rows("SELECT * FROM publish.figure_version ORDER BY 1").equals(figuresBefore)) {
				differences.add("the published figures changed under a run that lost its lease");
			}
		}
		it.restart(run, differences, notes);
		return it.compareWithClean(clean, differences);
	}

}
