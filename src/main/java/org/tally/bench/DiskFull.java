package org.tally.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.SmallDisk;
import org.tally.bench.internal.WarehouseProbe;

/**
 * The data directory's disk full mid-load: the database files sit on a small tmpfs that
 * the large ledger's rows fill. The run fails naming the full disk, what was current
 * stays current, and once space is freed `tally restart RUN` completes, equal to a clean
 * run.
 */
final class DiskFull extends AgainstCleanRun {

	/** Room for a few thousand ledger rows, far fewer than the large ledger has. */
	private static final long HEADROOM = 6L << 20;

	private static final long FREED = 4L << 30;

	private static final String CURRENT = "SELECT id, status, rows_loaded FROM registry.load"
			+ " WHERE status IN ('loaded', 'superseded') ORDER BY id";

	DiskFull(Map<String, String> clean) {
		super(clean, "disk-full", "data directory's disk full mid-load",
				"the database files (data/postgres/base) moved onto a tmpfs with 6 MB free, then `tally run` of the"
						+ " large ledger; the tmpfs grown to 4 GB afterwards",
				"the run fails with a one-line reason naming the full disk; the published figures and the current"
						+ " loads stay as they were; after `tally restart RUN` the warehouse equals the clean run's");
	}

	@Override
	Optional<String> skipReason() {
		return SmallDisk.unavailable();
	}

	@Override
	long inject(Installation it, List<String> differences, List<String> notes) throws Exception {
		List<List<String>> figuresBefore;
		List<List<String>> currentBefore;
		try (WarehouseProbe probe = it.probe()) {
			figuresBefore = probe.rows("SELECT * FROM publish.figure_version ORDER BY 1");
			currentBefore = probe.rows(CURRENT);
		}
		it.stopServer();
		Path base = it.data().resolve("postgres/base");
		try (SmallDisk disk = SmallDisk.mountOver(base, HEADROOM)) {
			it.ensureServer();
			ChildTally full = it.start("full", "run");
			int exit = full.await(600);
			notes.add("`tally run` on the full disk exited %d: %s".formatted(exit, full.verdict()));
			if (exit != 4 || !full.verdict().contains("No space left on device")) {
				differences.add("`tally run` on a full disk exited " + exit
						+ " (expected 4, naming \"No space left on device\"): " + full.verdict());
			}
			long run;
			try (WarehouseProbe probe = it.probe()) {
				run = probe.latestRun();
				if (!probe.rows("SELECT * FROM publish.figure_version ORDER BY 1").equals(figuresBefore)) {
					differences.add("the published figures changed under a run that filled the disk");
				}
				if (!probe.rows(CURRENT).equals(currentBefore)) {
					differences.add("the current loads changed under a run that filled the disk");
				}
			}
			disk.grow(FREED);
			notes.add("space freed: the tmpfs grown to 4 GB");
			it.restart(run, differences, notes);
			long compared = it.compareWithClean(clean, differences);
			it.stopServer();
			return compared;
		}
	}

}
