package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.TallyTest;
import org.tally.support.TestInbox;
import org.tally.support.TestWarehouse;

/**
 * After a run on the seeds, the seed press release's seven claims are all consistent with
 * the press view.
 */
@TallyTest
class PressFactsTest {

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	TestInbox inbox;

	@Autowired
	TestWarehouse warehouse;

	@Autowired
	PressFacts press;

	@BeforeEach
	void freshInstallationWithTheSeeds() {
		warehouse.reset();
		inbox.clear().withSeeds();
	}

	@Test
	void givenARunOnTheSeeds_theSeedPressReleaseHasSevenConsistentClaims() throws Exception {
		jobs.startJob(new JobParametersBuilder().addString("trigger", "test:claims").toJobParameters());

		PressFacts.Facts facts = press.current();
		List<ClaimVerdict> verdicts = new ClaimChecker(facts.figures()).check(release());

		assertThat(facts.asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(verdicts).extracting(ClaimVerdict::phrase, ClaimVerdict::figureId, ClaimVerdict::verdict)
			.containsExactly(tuple("600余亿元", "committed_investment", Verdict.CONSISTENT),
					tuple("140个", "project_count", Verdict.CONSISTENT),
					tuple("87个", "started_projects", Verdict.CONSISTENT),
					tuple("约110亿元", "completed_investment", Verdict.CONSISTENT),
					tuple("64项", "tech_transfers", Verdict.CONSISTENT),
					tuple("达1.03亿元", "tech_contract_value", Verdict.CONSISTENT),
					tuple("12个", "counties_covered", Verdict.CONSISTENT));
	}

	@Test
	void givenNoRunYet_everyClaimIsUnverifiable() throws Exception {
		PressFacts.Facts facts = press.current();

		assertThat(facts.asOf()).isNull();
		assertThat(new ClaimChecker(facts.figures()).check(release())).hasSize(7)
			.allSatisfy(v -> assertThat(v.verdict()).isEqualTo(Verdict.UNVERIFIABLE));
	}

	private static String release() throws IOException {
		try (InputStream in = PressFactsTest.class.getResourceAsStream("seed-press-release.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
