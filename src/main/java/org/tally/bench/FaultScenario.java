package org.tally.bench;

import java.util.List;

/**
 * One fault scenario's outcome: what was injected, what must hold afterwards, how much
 * was compared against the clean run, and every difference found (none when the property
 * holds).
 */
public record FaultScenario(String name, String injects, String proves, int filesTried, long rowsCompared,
		List<String> differences, List<String> observations, double seconds) {

	public boolean holds() {
		return differences.isEmpty();
	}
}
