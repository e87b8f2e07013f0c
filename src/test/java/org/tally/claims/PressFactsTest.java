package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	@Autowired
	JdbcClient jdbc;

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
	void givenANewerUnverifiedVersion_itIsNeverUsedToJudgeAClaim() throws Exception {
		jobs.startJob(new JobParametersBuilder().addString("trigger", "test:claims-unverified").toJobParameters());
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
		assertThat(new ClaimChecker(facts.figures()).check(release())).hasSize(7)
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

	private static String release() throws IOException {
		try (InputStream in = PressFactsTest.class.getResourceAsStream("seed-press-release.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
