package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tally.figures.FigureUnit;

/** How single claims are read: periods, directions, reasons, ties. */
class ClaimReadingTest {

	private final ClaimChecker checker = new ClaimChecker(IssueSentencesTest.TWO_PERIODS, IssueSentencesTest.DERIVED);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			较6月底增加22个                | 2024-06-30
			较六月底增加22个               | 2024-06-30
			较2024年6月30日增加22个        | 2024-06-30
			比上半年增加22个               | 2024-06-30
			环比增加22个                   | 2024-06-30
			较上期增加22个                 | 2024-06-30
			同比增加22个                   | 2023-12-31
			与去年同期相比增加22个         | 2023-12-31
			较年初增加22个                 | 2023-12-31
			较去年底增加22个               | 2023-12-31
			较一季度末增加22个             | 2024-03-31
			较三季度末增加22个             | 2024-09-30
			较十二月底增加22个             | 2024-12-31
			""")
	void givenABasePeriodInWords_itResolvesAgainstTheClaimsPeriod(String change, LocalDate base) {
		ClaimVerdict verdict = checker.check("截至2024年12月31日，合作项目" + change + "。").get(0);

		assertThat(verdict.kind()).isEqualTo(ClaimKind.CHANGE);
		if (base.equals(LocalDate.of(2024, 6, 30))) {
			assertThat(verdict.verdict()).isEqualTo(Verdict.CONSISTENT);
			assertThat(verdict.explanation()).contains("（" + base + "）");
		}
		else if (base.equals(LocalDate.of(2024, 12, 31))) {
			assertThat(verdict.verdict()).isEqualTo(Verdict.CONTRADICTED);
			assertThat(verdict.correction()).isNull();
		}
		else {
			assertThat(verdict.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
			assertThat(verdict.explanationEn()).isEqualTo("unverifiable: no verified figure project_count for " + base);
		}
	}

	@Test
	void givenADecrease_itIsTheEarlierValueLessTheLater() {
		assertThat(checker.check("截至2024年12月31日，合作项目较6月底减少22个，完成投资较6月底下降约34%。"))
			.extracting(ClaimVerdict::phrase, ClaimVerdict::verdict, ClaimVerdict::explanation)
			.containsExactly(tuple("减少22个", Verdict.CONTRADICTED, "118（2024-06-30） − 140 = -22个，与“减少22个”不符"), tuple(
					"下降约34%", Verdict.CONTRADICTED, "（72.66亿元（2024-06-30） − 109.86亿元）÷ 72.66亿元 = -51.19%，与“下降约34%”不符"));
	}

	@Test
	void givenAChangeWithoutABasePeriod_itIsUnverifiableAndSaysWhy() {
		ClaimVerdict verdict = checker.check("合作项目新增22个。").get(0);

		assertThat(verdict.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
		assertThat(verdict.figureId()).isEqualTo("project_count");
		assertThat(verdict.explanation()).isEqualTo("无法核对：没有说明与哪个时期相比");
	}

	@Test
	void givenTwoFiguresThatFitEquallyWell_theClaimIsAmbiguousAndNamesThem() {
		ClaimVerdict verdict = checker.check("投资约110亿元。").get(0);

		assertThat(verdict.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
		assertThat(verdict.candidates()).containsExactlyInAnyOrder("committed_investment", "completed_investment");
		assertThat(verdict.explanationEn()).startsWith("unverifiable: ambiguous, candidates: ");
	}

	@Test
	void givenAMultipleWithoutTwoFiguresNamed_itIsUnverifiable() {
		assertThat(checker.check("签约资金增至5倍。")).extracting(ClaimVerdict::kind, ClaimVerdict::verdict)
			.containsExactly(tuple(ClaimKind.MULTIPLE, Verdict.UNVERIFIABLE));
		assertThat(checker.check("签约资金是签约资金的1倍。")).extracting(ClaimVerdict::verdict)
			.containsExactly(Verdict.UNVERIFIABLE);
	}

	@Test
	void givenASentenceOpeningWithItsPeriod_laterSentencesKeepIt() {
		ConsistentClaims.assertConsistentOn(checker.check("2024年上半年，签约社会资金500余亿元。合作项目118个。截至2024年底，合作项目140个。"),
				LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 12, 31));
	}

	@Test
	void givenFactsOfNoStatedDate_relativePeriodsCannotResolve() {
		ClaimChecker undated = new ClaimChecker(List.of(new FigureFact("project_count", "合作项目数", List.of("合作项目"),
				new BigDecimal("140"), FigureUnit.COUNT, true)));

		assertThat(undated.check("合作项目140个，较6月底增加22个。")).extracting(ClaimVerdict::verdict, ClaimVerdict::explanationEn)
			.containsExactly(tuple(Verdict.CONSISTENT, "project_count (当前 current) = 140个, consistent with \"140个\""),
					tuple(Verdict.UNVERIFIABLE,
							"unverifiable: \"较6月底\" names no reporting period that can be resolved"));
	}

	@Test
	void givenADerivedFigureWhosePartsLackAPeriod_itIsUnverifiable() {
		ClaimChecker june = new ClaimChecker(List.of(
				new FigureFact("started_projects", "落地开工项目数", List.of("开工"), null, FigureUnit.COUNT, false,
						LocalDate.of(2024, 12, 31), Map.of()),
				new FigureFact("project_count", "合作项目数", List.of("项目"), new BigDecimal("140"), FigureUnit.COUNT, true,
						LocalDate.of(2024, 12, 31), Map.of())),
				IssueSentencesTest.DERIVED);

		assertThat(june.check("开工率62%。")).extracting(ClaimVerdict::figureId, ClaimVerdict::verdict)
			.containsExactly(tuple("started_projects", Verdict.UNVERIFIABLE));
	}

	@Test
	void givenNumbersThatAreNoClaims_eachHasItsReason() {
		ClaimReport report = checker.report("（一）2023年连续两年，12个月，3个百分点，110亿元以上，编号7，“5个”，第9，一是，一、");

		assertThat(report.claims()).isEmpty();
		assertThat(report.notClaims()).extracting(NotAClaim::number, NotAClaim::reasonEn)
			.containsExactly(tuple("一", "list numbering"), tuple("2023", "a year"), tuple("两", "a duration"),
					tuple("12", "a duration"), tuple("3", "a change in percentage points: not checked"),
					tuple("110", "a bound (以上, 以下): not checked"), tuple("7", "no unit or measure word: not a figure"),
					tuple("5", "inside a quotation or name"), tuple("9", "an ordinal"), tuple("一", "list numbering"),
					tuple("一", "list numbering"));
	}

}
