package org.tally.bench;

import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.WarehouseProbe;

/**
 * A run of the large ledger, caught once it has written 20,000 rows: its process, run id
 * and rows written.
 */
record MidLoad(ChildTally child, long run, long written) {

	/**
	 * Rows the running ingest step has written while the large ledger is still pending:
	 * its counts commit with every chunk, its rows only once the file is whole.
	 */
	static final String ROWS_WRITTEN_WHILE_PENDING = "SELECT coalesce(max(s.write_count), 0)"
			+ " FROM batch_step_execution s WHERE s.step_name = 'ingestSourceFilesStep' AND s.status = 'STARTED'"
			+ " AND EXISTS (SELECT 1 FROM registry.load l WHERE l.file_path = ? AND l.status = 'pending')";

	/** Starts a run of the large ledger and awaits it well into the file. */
	static MidLoad start(Installation it, String label) throws Exception {
		ChildTally child = it.start(label, "run");
		try (WarehouseProbe probe = it.probe()) {
			long written = Await.count(probe, child, ROWS_WRITTEN_WHILE_PENDING, 20_000, FaultHarness.BIG_LEDGER);
			return new MidLoad(child, probe.latestRun(), written);
		}
	}

}
