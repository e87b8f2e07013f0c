package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The claim corpus against the seed figures held in memory (the same values a run on the
 * seeds verifies): fast enough for mutation testing, which cannot start a database.
 */
class ClaimCorpusFactsTest {

	@Test
	void givenTheCorpusAndTheSeedFiguresInMemory_everyDraftReadsAsItsYmlSays() throws IOException {
		ClaimChecker checker = new ClaimChecker(IssueSentencesTest.TWO_PERIODS, IssueSentencesTest.DERIVED);
		Map<ClaimKind, int[]> tally = new EnumMap<>(ClaimKind.class);

		assertThat(ClaimCorpusTest.mismatches(checker, ClaimCorpusTest.drafts(), tally)).isEmpty();
		assertThat(tally.values().stream().mapToInt(t -> t[4]).sum()).as("claims wrongly judged consistent").isZero();
	}

	@Test
	void givenTheCorpus_everyVerdictCarriesAnExplanationInBothLanguagesAndContradictionsACorrection()
			throws IOException {
		ClaimChecker checker = new ClaimChecker(IssueSentencesTest.TWO_PERIODS, IssueSentencesTest.DERIVED);
		for (var draft : ClaimCorpusTest.drafts()) {
			ClaimReport report = checker.report(Files.readString(draft));
			assertThat(report.claims()).allSatisfy(c -> {
				assertThat(report.text().substring(c.start(), c.end())).isEqualTo(c.phrase());
				assertThat(c.explanation()).contains(c.verdict() == Verdict.UNVERIFIABLE ? "无法核对" : c.phrase());
				assertThat(c.explanationEn()).isNotBlank();
				if (c.verdict() == Verdict.CONTRADICTED && !c.phrase().contains("成") && !c.phrase().contains("以上")) {
					assertThat(c.correction()).as(c.phrase()).isNotNull();
					assertThat(c.explanation()).contains("应为“" + c.correction() + "”");
				}
			});
			assertThat(report.notClaims())
				.allSatisfy(n -> assertThat(report.text().substring(n.start(), n.end())).isEqualTo(n.number()));
		}
	}

}
