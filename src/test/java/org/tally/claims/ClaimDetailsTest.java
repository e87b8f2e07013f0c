package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tally.catalog.DerivedFigure;
import org.tally.figures.FigureUnit;

/** The exact lines verdicts carry, and the periods and figures they are computed from. */
class ClaimDetailsTest {

	private final ClaimChecker checker = new ClaimChecker(IssueSentencesTest.TWO_PERIODS, IssueSentencesTest.DERIVED);

	@Test
	void givenRatiosOfTwoFigures_theExplanationShowsTheDivision() {
		assertThat(checker.check("截至2024年12月31日，签约社会资金是完成投资的5.5倍，落地开工项目占合作项目的六成。"))
			.extracting(ClaimVerdict::figureId, ClaimVerdict::explanation)
			.containsExactly(
					tuple("committed_investment/completed_investment",
							"602.37亿元 ÷ 109.86亿元（2024-12-31）= 5.48倍，与“5.5倍”一致"),
					tuple("started_projects/project_count", "87 ÷ 140（2024-12-31）= 62.14%，与“六成”一致"));
		assertThat(checker.check("截至2024年12月31日，合作项目相当于落地开工项目的约1.6倍。"))
			.extracting(ClaimVerdict::figureId, ClaimVerdict::verdict)
			.containsExactly(tuple("project_count/started_projects", Verdict.CONSISTENT));
	}

	@Test
	void givenAShareWhosePartIsUnclear_itIsUnverifiableWithTheCandidates() {
		ClaimVerdict verdict = checker.check("投资占签约资金的18%。").get(0);

		assertThat(verdict.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
		assertThat(verdict.candidates()).containsExactlyInAnyOrder("committed_investment", "completed_investment");
	}

	@Test
	void givenAmountsBelowOneYi_theComputationShowsWanYuan() {
		assertThat(checker.check("截至2024年12月31日，技术合同交易额较6月底增加了3226.83万元，平均每项成果合同额约161万元。"))
			.extracting(ClaimVerdict::phrase, ClaimVerdict::explanation)
			.containsExactly(tuple("增加了3226.83万元", "1.03亿元 − 7077.85万元（2024-06-30）= 3226.83万元，与“增加了3226.83万元”一致"),
					tuple("约161万元", "平均每项成果合同额：1.03亿元 ÷ 64（2024-12-31）= 161.01万元，与“约161万元”一致"));
	}

	@Test
	void givenAContradictionThatCannotBeRephrased_itSaysSoWithoutACorrection() {
		ClaimVerdict verdict = checker.check("截至2024年12月31日，合作项目较6月底减少22个。").get(0);

		assertThat(verdict.correction()).isNull();
		assertThat(verdict.explanation()).endsWith("，与“减少22个”不符");
		assertThat(verdict.explanationEn()).endsWith(", contradicts \"减少22个\"");
	}

	@Test
	void givenPeriodsNamedInWords_theClaimIsJudgedOnThatPeriod() {
		ConsistentClaims.assertConsistentOn(checker.check("截至6月底，合作项目118个。截至目前，合作项目140个。上半年，合作项目118个。"),
				LocalDate.of(2024, 6, 30), LocalDate.of(2024, 12, 31), LocalDate.of(2024, 6, 30));
		assertThat(checker.check("2024年全年，合作项目140个。截至2024年上半年，合作项目118个。截至2024年底，合作项目140个。"))
			.extracting(ClaimVerdict::period)
			.containsExactly(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 12, 31));
	}

	@Test
	void givenUndatedFacts_periodsNeedingACurrentYearAreNotGuessed() {
		ClaimChecker undated = new ClaimChecker(List.of(new FigureFact("project_count", "合作项目数", List.of("合作项目"),
				new BigDecimal("140"), FigureUnit.COUNT, true)));

		assertThat(undated.check("截至6月底，合作项目140个。上半年，合作项目140个。截至目前，合作项目140个。"))
			.extracting(ClaimVerdict::period, ClaimVerdict::verdict)
			.containsExactly(tuple(null, Verdict.CONSISTENT), tuple(null, Verdict.CONSISTENT),
					tuple(null, Verdict.CONSISTENT));
	}

	@Test
	void givenFactsOfDifferentDates_theLatestIsCurrentAndDerivedFiguresNeedBothParts() {
		LocalDate june = LocalDate.of(2024, 6, 30);
		LocalDate december = LocalDate.of(2024, 12, 31);
		ClaimChecker mixed = new ClaimChecker(
				List.of(new FigureFact("project_count", "合作项目数", List.of("合作项目"), new BigDecimal("140"),
						FigureUnit.COUNT, true, december, Map.of(december, new BigDecimal("140"))),
						new FigureFact("tech_transfers", "科技成果转化数", List.of("科技成果"), new BigDecimal("45"),
								FigureUnit.COUNT, true, june, Map.of(june, new BigDecimal("45")))),
				List.of(new DerivedFigure("start_rate", "项目开工率", "Share started", DerivedFigure.Kind.RATE,
						"started_projects", "project_count", List.of("开工率"))));

		assertThat(mixed.check("合作项目140个，科技成果45项，开工率62%。")).extracting(ClaimVerdict::period, ClaimVerdict::verdict)
			.containsExactly(tuple(december, Verdict.CONSISTENT), tuple(december, Verdict.UNVERIFIABLE),
					tuple(december, Verdict.UNVERIFIABLE));
	}

	@Test
	void givenTwoClaimsSideBySide_eachNumberBelongsToItsOwnClaim() {
		ClaimReport report = checker.report("截至2024年12月31日，合作项目140个87个。");

		assertThat(report.claims()).extracting(ClaimVerdict::phrase, ClaimVerdict::start, ClaimVerdict::end)
			.containsExactly(tuple("140个", 18, 22), tuple("87个", 22, 25));
		assertThat(report.notClaims()).extracting(NotAClaim::number).containsExactly("2024", "12", "31");
	}

}
