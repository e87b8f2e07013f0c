package org.tally.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ClaimBenchTest {

	@Test
	void givenTheBenchDraft_itHasTwentyThousandCharacters() {
		assertThat(ClaimBench.draft()).hasSize(20_000);
	}

	@Test
	@Tag("timed") // a wall-clock bound: left out of mutation testing, where it would only
					// time out
	void givenAWarmChecker_aTwentyThousandCharacterDraftIsCheckedWellUnderTheOneSecondTarget() {
		BenchmarkReport.Measure measure = ClaimBench.measure(3);

		// The target is one second; the bound leaves room for a loaded build machine.
		assertThat(measure.medianSeconds()).isLessThan(3.0);
	}

}
