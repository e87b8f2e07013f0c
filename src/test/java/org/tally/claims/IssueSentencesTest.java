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

/**
 * The five sentences of issue 17, as a careful editor reads them, against the seed
 * figures verified for 2024-06-30 and 2024-12-31.
 */
class IssueSentencesTest {

	static final LocalDate JUNE = LocalDate.of(2024, 6, 30);

	static final LocalDate DECEMBER = LocalDate.of(2024, 12, 31);

	static final List<FigureFact> TWO_PERIODS = List.of(
			fact("committed_investment", "社会资金签约额", FigureUnit.CNY, "60237450000.00", "50494785200.00", "社会资金", "社会资本",
					"签约资金", "签约投资额"),
			fact("project_count", "合作项目数", FigureUnit.COUNT, "140", "118", "合作项目", "项目", "合作项目总数"),
			fact("started_projects", "落地开工项目数", FigureUnit.COUNT, "87", "61", "开工", "落地开工"),
			fact("completed_investment", "完成投资额", FigureUnit.CNY, "10985632500.00", "7266090800.00", "完成投资", "完成投资额",
					"到位资金"),
			fact("tech_transfers", "科技成果转化数", FigureUnit.COUNT, "64", "45", "科技成果", "成果转化", "技术成果"),
			fact("tech_contract_value", "技术合同交易额", FigureUnit.CNY, "103046800.00", "70778500.00", "技术合同交易额", "技术合同"),
			fact("counties_covered", "覆盖县区数", FigureUnit.COUNT, "12", "12", "县区", "县市区", "覆盖县区"));

	static final List<DerivedFigure> DERIVED = List.of(
			new DerivedFigure("start_rate", "项目开工率", "Share of projects started", DerivedFigure.Kind.RATE,
					"started_projects", "project_count", List.of("开工率", "开工比例", "落地开工率")),
			new DerivedFigure("completion_rate", "投资完成率", "Completed share", DerivedFigure.Kind.RATE,
					"completed_investment", "committed_investment", List.of("投资完成率", "完成率", "资金到位率")),
			new DerivedFigure("committed_per_project", "平均每个项目签约额", "Committed per project", DerivedFigure.Kind.AVERAGE,
					"committed_investment", "project_count", List.of("平均每个项目", "项目平均签约", "平均每项目", "单个项目平均")),
			new DerivedFigure("contract_value_per_transfer", "平均每项成果合同额", "Contract value per result",
					DerivedFigure.Kind.AVERAGE, "tech_contract_value", "tech_transfers",
					List.of("平均每项成果", "每项成果平均", "成果平均合同额")));

	private final ClaimChecker checker = new ClaimChecker(TWO_PERIODS, DERIVED);

	@Test
	void givenTheFiveSentencesOfTheIssue_theyAreJudgedAsACarefulEditorWould() {
		String draft = """
				截至2024年12月31日，北京企业在长治累计签约社会资金超600亿元，较6月底增加97亿元。
				两地共实施合作项目一百四十个，其中落地开工87个，开工率达62%。
				64项科技成果在长治转化，比上半年多19项。合作覆盖全市12个县（区）。
				北京各类企业在长治签约投资超过700亿元。""";

		ClaimReport report = checker.report(draft);

		assertThat(report.claims())
			.extracting(ClaimVerdict::phrase, ClaimVerdict::kind, ClaimVerdict::figureId, ClaimVerdict::verdict)
			.containsExactly(tuple("超600亿元", ClaimKind.LEVEL, "committed_investment", Verdict.CONSISTENT),
					tuple("增加97亿元", ClaimKind.CHANGE, "committed_investment", Verdict.CONSISTENT),
					tuple("一百四十个", ClaimKind.LEVEL, "project_count", Verdict.CONSISTENT),
					tuple("87个", ClaimKind.LEVEL, "started_projects", Verdict.CONSISTENT),
					tuple("达62%", ClaimKind.RATE, "start_rate", Verdict.CONSISTENT),
					tuple("64项", ClaimKind.LEVEL, "tech_transfers", Verdict.CONSISTENT),
					tuple("多19项", ClaimKind.CHANGE, "tech_transfers", Verdict.CONSISTENT),
					tuple("12个", ClaimKind.LEVEL, "counties_covered", Verdict.CONSISTENT),
					tuple("超过700亿元", ClaimKind.LEVEL, "committed_investment", Verdict.CONTRADICTED));
		assertThat(report.claims().get(1).explanation())
			.isEqualTo("602.37亿元 − 504.95亿元（2024-06-30）= 97.42亿元，与“增加97亿元”一致");
		assertThat(report.claims().get(8).correction()).isEqualTo("超600亿元");
		assertThat(report.notClaims()).extracting(NotAClaim::number, NotAClaim::reason)
			.containsExactly(tuple("2024", "日期"), tuple("12", "日期"), tuple("31", "日期"), tuple("6", "日期"));
		report.claims()
			.forEach(c -> System.out.println(c.phrase() + " | " + c.explanation() + " | " + c.explanationEn()));
	}

	private static FigureFact fact(String id, String label, FigureUnit unit, String december, String june,
			String... aliases) {
		return new FigureFact(id, label, List.of(aliases), new BigDecimal(december), unit, true, DECEMBER,
				Map.of(DECEMBER, new BigDecimal(december), JUNE, new BigDecimal(june)));
	}

}
