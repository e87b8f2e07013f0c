package org.tally.bench;

import java.util.List;
import java.util.Map;
import org.tally.bench.internal.WarehouseProbe;

/**
 * The reference: the same two runs, undisturbed; its digest is what every other scenario
 * is compared with.
 */
final class CleanRun extends FaultRun {

	private Map<String, String> digest;

	CleanRun() {
		super("clean", "clean run", "nothing: the reference installation",
				"the inbox loads and verify-integrity finds no difference");
	}

	@Override
	long inject(Installation it, List<String> differences, List<String> notes) throws Exception {
		it.runToEnd("after", differences, "run");
		long compared;
		try (WarehouseProbe probe = it.probe()) {
			digest = probe.digest();
			compared = probe.currentRows();
		}
		notes.add("digest: " + digest);
		return compared;
	}

	/** The clean installation's digest, once run. */
	Map<String, String> digest() {
		if (digest == null) {
			throw new IllegalStateException("the clean run has not run");
		}
		return digest;
	}

}
