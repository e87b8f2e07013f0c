package org.tally.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.WarehouseProbe;

/**
 * PostgreSQL stopped (immediate) under a run: the run fails fast with one line, and
 * `tally restart RUN` completes once the server is back.
 */
final class DatabaseStoppedMidLoad extends AgainstCleanRun {

	DatabaseStoppedMidLoad(Map<String, String> clean) {
		super(clean, "postgres-stopped", "PostgreSQL stopped mid-load",
				"pg_ctl stop -m immediate (SIGQUIT to the postmaster) while `tally run` stages rows",
				"the run fails within 60 s with a one-line reason; once the server is back `tally restart RUN`"
						+ " completes and the warehouse equals the clean run's");
	}

	@Override
	long inject(Installation it, List<String> differences, List<String> notes) throws Exception {
		MidLoad load = MidLoad.start(it, "stopped");
		ChildTally child = load.child();
		long run = load.run();
		Instant stopped = Instant.now();
		WarehouseProbe.stopImmediately(it.data());
		it.releaseServer();
		int exit = child.await(180);
		double took = Duration.between(stopped, Instant.now()).toMillis() / 1000.0;
		notes.add("PostgreSQL stopped (immediate) under run %d; the run process exited %d after %.1f s: %s"
			.formatted(run, exit, took, child.verdict()));
		if (exit != 4) {
			differences.add("the run process exited " + exit + " (expected 4, run not completed)");
		}
		if (took > 60) {
			differences.add("the run took %.1f s to fail (limit 60 s)".formatted(took));
		}
		if (child.verdict().isEmpty() || child.verdict().contains("\n")) {
			differences.add("no one-line reason (tally: …) on the failed run's output");
		}
		// A new process: it starts the server again, and stops it at exit.
		it.restart(run, differences, notes);
		it.ensureServer();
		return it.compareWithClean(clean, differences);
	}

}
