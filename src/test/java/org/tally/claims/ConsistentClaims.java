package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The assertion the period-reading tests share: a draft's claims, in order, each judged
 * consistent against the figures of the period it names.
 */
final class ConsistentClaims {

	private ConsistentClaims() {
	}

	static void assertConsistentOn(List<ClaimVerdict> verdicts, LocalDate... periods) {
		assertThat(verdicts).extracting(ClaimVerdict::period).containsExactly(periods);
		assertThat(verdicts).extracting(ClaimVerdict::verdict)
			.containsExactlyElementsOf(Arrays.stream(periods).map(p -> Verdict.CONSISTENT).toList());
	}

}
