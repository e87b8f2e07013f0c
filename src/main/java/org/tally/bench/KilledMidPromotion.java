package org.tally.bench;

import java.util.List;
import java.util.Map;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.WarehouseProbe;

/**
 * SIGKILL of `tally run` inside its promotion transaction while a reader polls the
 * period: no reader may ever see a half-promoted period.
 */
final class KilledMidPromotion extends AgainstCleanRun {

	KilledMidPromotion(Map<String, String> clean) {
		super(clean, "kill-mid-promotion", "kill -9 mid-promotion",
				"SIGKILL of `tally run` during the promotion transaction, a reader polling the period meanwhile",
				"no reader ever sees a half-promoted period (all old or all new rows); after restart the warehouse"
						+ " equals the clean run's");
	}

	@Override
	long inject(Installation it, List<String> differences, List<String> notes) throws Exception {
		PeriodReader reader = new PeriodReader(it);
		reader.start();
		ChildTally child = it.start("killed", "run");
		long run;
		try (WarehouseProbe probe = it.probe()) {
			// Promotion moves no rows: its longest statement is the ANALYZE that ends its
			// transaction.
			Await.statement(probe, child, "ANALYZE warehouse.");
			child.kill();
			notes.add("SIGKILL after %.1f s while the promotion transaction ran (its closing ANALYZE)"
				.formatted(child.secondsSinceStart()));
			run = probe.latestRun();
		}
		it.restart(run, differences, notes);
		reader.finish();
		notes.add("a concurrent reader looked " + reader.looks() + " times: " + reader.summary());
		differences.addAll(reader.mixed());
		long compared = it.compareWithClean(clean, differences);
		return compared + reader.looks();
	}

}
