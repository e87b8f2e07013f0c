package org.tally;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each capability package uses only the public surface of the others, and none depend in
 * a cycle.
 */
class ModuleBoundariesTest {

	@Test
	void givenTheModules_theyRespectTheirBoundaries() {
		ApplicationModules.of(TallyApplication.class).verify();
	}

}
