package org.tally.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tally.catalog.DerivedFigure;
import org.tally.claims.ClaimChecker;
import org.tally.claims.ClaimReport;
import org.tally.claims.FigureFact;
import org.tally.figures.FigureUnit;

/**
 * Times a claim check of a 20,000-character draft, warm (the checker has read a few
 * drafts first), against the seed figures of two periods: press drafts are checked while
 * an editor waits, so the target is under one second.
 */
public final class ClaimBench {

	static final int DRAFT_CHARACTERS = 20_000;

	private static final int WARM_UP = 3;

	private static final LocalDate JUNE = LocalDate.of(2024, 6, 30);

	private static final LocalDate DECEMBER = LocalDate.of(2024, 12, 31);

	/** Sentences of every kind of claim, and numbers that are none, in both scripts. */
	private static final List<String> SENTENCES = List.of("截至2024年12月31日，北京企业在长治累计签约社会资金超600亿元，较6月底增加97亿元。",
			"两地共实施合作项目一百四十个，其中落地开工87个，开工率达62%。", "64项科技成果在长治转化，比上半年多19项。合作覆盖全市12个县（区）。",
			"北京各类企业在长治签约投资超过700亿元，平均每个项目约4.3亿元，是完成投资的5.5倍。",
			"2024年4月24日，國家發展改革委下發《關於組織開展革命老區重點城市對口合作工作評估的通知》,,完成投資約110億元。",
			"一是引进北京高校30所，二是第3个项目已竣工，技术合同交易额达1.03亿元，同比增长20%。");

	private ClaimBench() {
	}

	/** The draft: the sentences repeated to 20,000 characters. */
	static String draft() {
		StringBuilder draft = new StringBuilder(DRAFT_CHARACTERS + 200);
		for (int i = 0; draft.length() < DRAFT_CHARACTERS; i++) {
			draft.append(SENTENCES.get(i % SENTENCES.size()));
			if (i % 4 == 3) {
				draft.append('\n');
			}
		}
		return draft.substring(0, DRAFT_CHARACTERS);
	}

	/** The median of the timed checks; "rows" per second are characters per second. */
	public static BenchmarkReport.Measure measure(int repetitions) {
		ClaimChecker checker = new ClaimChecker(seedFacts(), derived());
		String draft = draft();
		int claims = 0;
		for (int i = 0; i < WARM_UP; i++) {
			claims = checker.report(draft).claims().size();
		}
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < Math.max(1, repetitions); i++) {
			long start = System.nanoTime();
			ClaimReport report = checker.report(draft);
			seconds.add((System.nanoTime() - start) / 1e9);
			if (report.claims().size() != claims) {
				throw new IllegalStateException("the same draft gave " + report.claims().size() + " claims, then "
						+ claims + ": the checker is not deterministic");
			}
		}
		return BenchmarkReport.Measure.of(
				"claim check, " + DRAFT_CHARACTERS + "-character draft (" + claims + " claims, warm)", DRAFT_CHARACTERS,
				seconds);
	}

	private static List<FigureFact> seedFacts() {
		return List.of(
				fact("committed_investment", "社会资金签约额", FigureUnit.CNY, "60237450000", "50494785200", "社会资金", "签约资金",
						"签约投资额"),
				fact("project_count", "合作项目数", FigureUnit.COUNT, "140", "118", "合作项目", "项目"),
				fact("started_projects", "落地开工项目数", FigureUnit.COUNT, "87", "61", "开工", "落地开工"),
				fact("completed_investment", "完成投资额", FigureUnit.CNY, "10985632500", "7266090800", "完成投资"),
				fact("tech_transfers", "科技成果转化数", FigureUnit.COUNT, "64", "45", "科技成果", "成果转化"),
				fact("tech_contract_value", "技术合同交易额", FigureUnit.CNY, "103046800", "70778500", "技术合同交易额"),
				fact("counties_covered", "覆盖县区数", FigureUnit.COUNT, "12", "12", "县区"));
	}

	private static List<DerivedFigure> derived() {
		return List.of(
				new DerivedFigure("start_rate", "项目开工率", "Share of projects started", DerivedFigure.Kind.RATE,
						"started_projects", "project_count", List.of("开工率")),
				new DerivedFigure("committed_per_project", "平均每个项目签约额", "Committed investment per project",
						DerivedFigure.Kind.AVERAGE, "committed_investment", "project_count", List.of("平均每个项目")));
	}

	private static FigureFact fact(String id, String label, FigureUnit unit, String december, String june,
			String... aliases) {
		return new FigureFact(id, label, List.of(aliases), new BigDecimal(december), unit, true, DECEMBER,
				Map.of(DECEMBER, new BigDecimal(december), JUNE, new BigDecimal(june)));
	}

}
