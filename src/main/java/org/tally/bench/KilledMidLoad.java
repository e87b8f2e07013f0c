package org.tally.bench;

import java.util.List;
import java.util.Map;

/** SIGKILL of `tally run` while it stages the large ledger, then `tally restart RUN`. */
final class KilledMidLoad extends AgainstCleanRun {

	KilledMidLoad(Map<String, String> clean, int rows) {
		super(clean, "kill-mid-load", "kill -9 mid-load",
				"SIGKILL of `tally run` while it stages a " + rows + "-row ledger",
				"after `tally restart RUN` the warehouse equals the clean run's (rows, registry, figures); no duplicates");
	}

	@Override
	long inject(Installation it, List<String> differences, List<String> notes) throws Exception {
		MidLoad load = MidLoad.start(it, "killed");
		load.child().kill();
		notes.add("SIGKILL after %.1f s with %d rows of the large ledger written (not yet committed)"
			.formatted(load.child().secondsSinceStart(), load.written()));
		it.restart(load.run(), differences, notes);
		return it.compareWithClean(clean, differences);
	}

}
