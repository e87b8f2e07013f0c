package org.tally.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fault scenario on an installation of its own: the "before" files run to their end,
 * the large December ledger added, then the scenario's own part; the installation is
 * audited with `tally verify-integrity` and its server stopped.
 */
abstract class FaultRun {

	private final String directory;

	private final String name;

	private final String injects;

	private final String proves;

	/**
	 * @param directory the installation's directory under the work directory
	 * @param name the scenario as reported
	 * @param injects the fault injected
	 * @param proves what must hold afterwards
	 */
	FaultRun(String directory, String name, String injects, String proves) {
		this.directory = directory;
		this.name = name;
		this.injects = injects;
		this.proves = proves;
	}

	/** The scenario's short name (its installation's directory). */
	final String directory() {
		return directory;
	}

	final FaultScenario run(FaultHarness harness) throws Exception {
		long start = System.nanoTime();
		Optional<String> skip = skipReason();
		if (skip.isPresent()) {
			return new FaultScenario(name, injects, proves, 0, 0, List.of(), List.of(skip.get()), 0);
		}
		Installation it = harness.prepare(directory);
		List<String> differences = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		it.runToEnd("before", differences, "run");
		it.addBigLedger();
		long compared = inject(it, differences, notes);
		it.verify(differences);
		it.stopServer();
		return new FaultScenario(name, injects, proves, FaultHarness.BEFORE.size() + 1, compared, differences, notes,
				seconds(start));
	}

	/** Why the scenario cannot run on this machine (it then reports so and holds). */
	Optional<String> skipReason() {
		return Optional.empty();
	}

	/**
	 * Injects the fault and checks what must hold afterwards, adding what it saw to
	 * {@code notes} and what differs to {@code differences}.
	 * @return how much was compared (rows, and looks or fires where the scenario counts
	 * them)
	 */
	abstract long inject(Installation it, List<String> differences, List<String> notes) throws Exception;

	private static double seconds(long startNanos) {
		return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
	}

}
