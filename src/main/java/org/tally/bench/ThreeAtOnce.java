package org.tally.bench;

import java.util.List;
import java.util.Map;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.WarehouseProbe;

/**
 * Two `tally run` processes (the nightly fire on two nodes) and a `tally rerun` started
 * together: exactly one proceeds.
 */
final class ThreeAtOnce extends AgainstCleanRun {

	ThreeAtOnce(Map<String, String> clean) {
		super(clean, "three-at-once", "two nodes and an operator at once",
				"two `tally run` processes (the nightly fire on two nodes) and a `tally rerun` started together",
				"exactly one run proceeds, the others are refused with a one-line reason; the warehouse equals the clean run's");
	}

	@Override
	long inject(Installation it, List<String> differences, List<String> notes) throws Exception {
		List<ChildTally> children = List.of(it.start("node-a", "run"), it.start("node-b", "run"),
				it.start("operator", "rerun", "--as-of", FaultHarness.DECEMBER.toString()));
		int proceeded = 0;
		int refused = 0;
		for (ChildTally child : children) {
			int exit = child.await(600);
			notes.add("process exit " + exit + (child.verdict().isEmpty() ? "" : ": " + child.verdict()));
			if (exit == 0) {
				proceeded++;
			}
			else if (exit == 3 && child.verdict().contains("refused")) {
				refused++;
			}
		}
		if (proceeded != 1 || refused != 2) {
			differences.add(proceeded + " runs proceeded and " + refused + " were refused (expected 1 and 2)");
		}
		try (WarehouseProbe probe = it.probe()) {
			long compared = probe.currentRows();
			long loads = probe.count("SELECT count(*) FROM registry.load WHERE file_path = ? AND status = 'loaded'",
					FaultHarness.BIG_LEDGER);
			if (loads != 1) {
				differences.add("the large ledger was loaded " + loads + " times");
			}
			Installation.compare(clean, probe.digest(), key -> key.startsWith("warehouse."), differences);
			return compared;
		}
	}

}
