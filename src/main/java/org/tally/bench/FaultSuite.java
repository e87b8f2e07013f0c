package org.tally.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The slow fault scenarios, with real processes: a `tally run` killed with SIGKILL
 * mid-load and mid-promotion, PostgreSQL stopped under a run, three processes asking for
 * a run at once, two `tally serve` schedulers competing for one clustered trigger. Each
 * installation is compared with a clean run of the same inbox, row for row and figure for
 * figure, and audited with `tally verify-integrity`.
 */
public final class FaultSuite {

	private final FaultHarness harness;

	/**
	 * @param workDir where each scenario gets its own inbox and data directory (emptied
	 * first)
	 * @param seeds the seed inbox (seeds/inbox): the June files and December's small
	 * ledger are the "before"
	 * @param configDir the configuration the child processes use, or null for ./config
	 * @param rows rows of the large December ledger that the faulted run loads
	 */
	public FaultSuite(Path workDir, Path seeds, Path configDir, int rows, Consumer<String> progress) {
		this.harness = new FaultHarness(workDir, seeds, configDir, rows, progress);
	}

	public List<FaultScenario> run() throws Exception {
		List<FaultScenario> results = new ArrayList<>();
		CleanRun cleanRun = new CleanRun();
		results.add(cleanRun.run(harness));
		Map<String, String> clean = cleanRun.digest();
		List<FaultRun> faults = List.of(new KilledMidLoad(clean, harness.rows()), new KilledMidPromotion(clean),
				new DatabaseStoppedMidLoad(clean), new ThreeAtOnce(clean), new TwoSchedulers(clean));
		for (FaultRun fault : faults) {
			results.add(fault.run(harness));
		}
		return results;
	}

}
