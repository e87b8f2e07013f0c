package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.support.Runs;
import org.tally.support.TallyTest;
import org.tally.support.SeedInboxTest;

/**
 * After a run on the seeds, the seed press release's seven claims are all consistent with
 * the press view.
 */
@TallyTest
class PressFactsTest extends SeedInboxTest {

	@Autowired
	PressFacts press;

	@Autowired
	JdbcClient jdbc;

	@Test
	void givenARunOnTheSeeds_theSeedPressReleaseHasSevenConsistentClaims() throws Exception {
		Runs.completedRun(jobs, "claims");

		PressFacts.Facts facts = press.current();
		List<ClaimVerdict> verdicts = new ClaimChecker(facts.figures()).check(SeedPressRelease.text());

		assertThat(facts.asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(verdicts).extracting(ClaimVerdict::phrase, ClaimVerdict::figureId, ClaimVerdict::verdict)
			.containsExactlyElementsOf(SeedPressRelease.SEVEN_CONSISTENT_CLAIMS);
	}

	@Test
	void givenANewerUnverifiedVersion_itIsNeverUsedToJudgeAClaim() throws Exception {
		Runs.completedRun(jobs, "claims-unverified");
		insertUnverified("committed_investment", LocalDate.of(2024, 12, 31), "70000000000.00");
		insertUnverified("committed_investment", LocalDate.of(2024, 6, 30), "10000000000.00");
		insertUnverified("committed_investment", LocalDate.of(2025, 6, 30), "80000000000.00");

		ClaimChecker checker = new ClaimChecker(press.current());
		List<ClaimVerdict> verdicts = checker
			.check("截至2024年12月31日，签约社会资金600余亿元，较6月底增加97亿元。" + "截至2025年6月底，签约社会资金800亿元。");

		assertThat(verdicts).extracting(ClaimVerdict::phrase, ClaimVerdict::verdict, ClaimVerdict::value)
			.containsExactly(tuple("600余亿元", Verdict.CONSISTENT, new BigDecimal("60237450000.00")),
					tuple("增加97亿元", Verdict.CONSISTENT, new BigDecimal("9742664800.00")),
					tuple("800亿元", Verdict.UNVERIFIABLE, null));
		assertThat(verdicts.get(2).explanationEn()).contains("no verified figure committed_investment for 2025-06-30");
	}

	@Test
	void givenNoRunYet_everyClaimIsUnverifiable() throws Exception {
		PressFacts.Facts facts = press.current();

		assertThat(facts.asOf()).isNull();
		assertThat(new ClaimChecker(facts.figures()).check(SeedPressRelease.text())).hasSize(7)
			.allSatisfy(v -> assertThat(v.verdict()).isEqualTo(Verdict.UNVERIFIABLE));
	}

	/**
	 * A newer snapshot of a figure whose checks failed: unverified, with another value.
	 */
	private void insertUnverified(String figureId, LocalDate asOf, String value) {
		jdbc.sql("""
				INSERT INTO publish.figure_version (run_id, as_of, figure_id, version, label, label_en, value, unit,
				                                    display, phrase, phrase_en, status, reasons, sources)
				SELECT run_id + 1000, ?, figure_id, version + 1, label, label_en, ?, unit, display, phrase, phrase_en,
				       'unverified', CAST('["check failed"]' AS jsonb), sources
				FROM publish.figure_version WHERE figure_id = ? ORDER BY id DESC LIMIT 1""")
			.params(asOf, new BigDecimal(value), figureId)
			.update();
	}

}
