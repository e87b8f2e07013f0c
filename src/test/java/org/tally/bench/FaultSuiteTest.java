package org.tally.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Given the fault suite, it lists every scenario `tally faults` runs, the lost lease
 * among them, and refuses to run one it does not have.
 */
class FaultSuiteTest {

	@Test
	void givenTheFaultSuite_itsScenariosIncludeTheLostLeaseAndTheFullDisk() {
		assertThat(FaultSuite.scenarios()).containsExactly("kill-mid-load", "kill-mid-promotion", "postgres-stopped",
				"three-at-once", "two-schedulers", "node-killed", "lost-lease", "disk-full");
	}

	@Test
	void givenAnUnknownScenarioToRunAlone_theSuiteRefusesNamingTheOnesItHas() {
		assertThatThrownBy(() -> new FaultSuite(Path.of("target/faults"), Path.of("seeds/inbox"), null, 1000,
				List.of("lost-lease", "no-such"), line -> {
				}))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no fault scenario no-such")
			.hasMessageContaining("lost-lease");
	}

}
