package org.tally.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The slow fault scenarios, with real processes: a `tally run` killed with SIGKILL
 * mid-load and mid-promotion, PostgreSQL stopped under a run, three processes asking for
 * a run at once, two `tally serve` schedulers competing for one clustered trigger, the
 * node running the night killed (the other node takes the run over), the run lock's
 * session killed under a run. Each installation is compared with a clean run of the same
 * inbox, row for row and figure for figure, and audited with `tally verify-integrity`.
 */
public final class FaultSuite {

	private final FaultHarness harness;

	private final List<String> only;

	/**
	 * @param workDir where each scenario gets its own inbox and data directory (emptied
	 * first)
	 * @param seeds the seed inbox (seeds/inbox): the June files and December's small
	 * ledger are the "before"
	 * @param configDir the configuration the child processes use, or null for ./config
	 * @param rows rows of the large December ledger that the faulted run loads
	 */
	public FaultSuite(Path workDir, Path seeds, Path configDir, int rows, Consumer<String> progress) {
		this(workDir, seeds, configDir, rows, List.of(), progress);
	}

	/**
	 * The same, running only the scenarios named in {@code only} (all when empty) after
	 * the clean run.
	 */
	public FaultSuite(Path workDir, Path seeds, Path configDir, int rows, List<String> only,
			Consumer<String> progress) {
		List<String> unknown = only.stream().filter(name -> !scenarios().contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("no fault scenario " + String.join(", ", unknown) + " (there are "
					+ String.join(", ", scenarios()) + ")");
		}
		this.harness = new FaultHarness(workDir, seeds, configDir, rows, progress);
		this.only = List.copyOf(only);
	}

	public List<FaultScenario> run() throws Exception {
		List<FaultScenario> results = new ArrayList<>();
		CleanRun cleanRun = new CleanRun();
		results.add(cleanRun.run(harness));
		Map<String, String> clean = cleanRun.digest();
		for (FaultRun fault : faults(clean, harness.rows())) {
			if (only.isEmpty() || only.contains(fault.directory())) {
				results.add(fault.run(harness));
			}
		}
		return results;
	}

	/**
	 * The scenarios' names, as `tally faults --only` takes them, in the order they run.
	 */
	public static List<String> scenarios() {
		return faults(Map.of(), 0).stream().map(FaultRun::directory).toList();
	}

	private static List<FaultRun> faults(Map<String, String> clean, int rows) {
		return List.of(new KilledMidLoad(clean, rows), new KilledMidPromotion(clean), new DatabaseStoppedMidLoad(clean),
				new ThreeAtOnce(clean), new TwoSchedulers(clean), new NodeKilled(clean, rows), new LostLease(clean),
				new DiskFull(clean));
	}

}
