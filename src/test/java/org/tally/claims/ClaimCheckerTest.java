package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tally.figures.FigureUnit;

class ClaimCheckerTest {

	/** The figures as the pipeline publishes them for 2024-12-31. */
	static final List<FigureFact> PUBLISHED = List.of(
			fact("committed_investment", "60237450000.00", FigureUnit.CNY, "社会资金", "社会资本", "签约资金"),
			fact("project_count", "140", FigureUnit.COUNT, "合作项目", "项目"),
			fact("started_projects", "87", FigureUnit.COUNT, "开工", "落地开工"),
			fact("completed_investment", "10985632500.00", FigureUnit.CNY, "完成投资"),
			fact("tech_transfers", "64", FigureUnit.COUNT, "科技成果", "成果转化"),
			fact("tech_contract_value", "103046800.00", FigureUnit.CNY, "技术合同交易额", "技术合同"),
			fact("counties_covered", "12", FigureUnit.COUNT, "县区"));

	private final ClaimChecker checker = new ClaimChecker(PUBLISHED);

	@Test
	void givenTheSeedPressRelease_allSevenClaimsAreFoundAndConsistent() throws IOException {
		List<ClaimVerdict> verdicts = checker.check(SeedPressRelease.text());

		assertThat(verdicts).extracting(ClaimVerdict::phrase, ClaimVerdict::figureId, ClaimVerdict::verdict)
			.containsExactlyElementsOf(SeedPressRelease.SEVEN_CONSISTENT_CLAIMS);
	}

	@Test
	void givenTheSeedPressRelease_eachClaimCarriesItsRangeItsValueAndItsCleanedSentence() throws IOException {
		ClaimVerdict committed = checker.check(SeedPressRelease.text()).get(0);

		assertThat(committed.low()).isEqualByComparingTo("60000000000");
		assertThat(committed.high()).isEqualByComparingTo("70000000000");
		assertThat(committed.value()).isEqualByComparingTo("60237450000");
		assertThat(committed.sentence()).startsWith("通过发挥重大项目牵引")
			.contains("社会资金600余亿元,共同推进实施140个合作项目")
			.doesNotContain(",,", "，，");
	}

	@Test
	void given500InsteadOf600_exactlyThatClaimIsContradicted() throws IOException {
		List<ClaimVerdict> verdicts = checker.check(SeedPressRelease.text().replace("600余", "500余"));

		assertThat(verdicts).hasSize(7);
		assertThat(verdicts).filteredOn(v -> v.verdict() == Verdict.CONTRADICTED)
			.extracting(ClaimVerdict::phrase, ClaimVerdict::figureId)
			.containsExactly(tuple("500余亿元", "committed_investment"));
		assertThat(verdicts).filteredOn(v -> v.verdict() == Verdict.CONSISTENT).hasSize(6);
	}

	@Test
	void givenAClaimNoFigureSpeaksOf_itIsReportedUnverifiable() throws IOException {
		List<ClaimVerdict> verdicts = checker.check(SeedPressRelease.text() + "\n引进北京高校30所。");

		assertThat(verdicts).hasSize(8);
		assertThat(verdicts).filteredOn(v -> v.verdict() == Verdict.UNVERIFIABLE)
			.extracting(ClaimVerdict::sentence, ClaimVerdict::phrase, ClaimVerdict::figureId, ClaimVerdict::value)
			.containsExactly(tuple("引进北京高校30所", "30所", null, null));
	}

	@Test
	void givenTwoAliasesAroundANumber_theNearestBeforeItInTheClauseWins() {
		List<ClaimVerdict> verdicts = checker.check("截至目前，已落地开工87个项目。");

		assertThat(verdicts).extracting(ClaimVerdict::figureId).containsExactly("started_projects");
	}

	@Test
	void givenNoAliasBeforeTheNumber_theNounItCountsDecides() {
		assertThat(checker.check("共同推进实施140个合作项目。")).extracting(ClaimVerdict::figureId)
			.containsExactly("project_count");
		assertThat(checker.check("将长治12个县区农特产品全部纳入目录。")).extracting(ClaimVerdict::figureId)
			.containsExactly("counties_covered");
	}

	@Test
	void givenAnAliasOfAnotherUnit_itDoesNotMatch() {
		List<ClaimVerdict> verdicts = checker.check("社会资金支持30所学校。");

		assertThat(verdicts).extracting(ClaimVerdict::phrase, ClaimVerdict::figureId, ClaimVerdict::verdict)
			.containsExactly(tuple("30所", null, Verdict.UNVERIFIABLE));
	}

	@Test
	void givenAnUnverifiedFigure_itsClaimIsUnverifiableButAttributed() {
		ClaimChecker unverified = new ClaimChecker(List.of(new FigureFact("schools", "Beijing universities",
				List.of("高校"), new BigDecimal("30"), FigureUnit.COUNT, false)));

		assertThat(unverified.check("引进北京高校30所。"))
			.extracting(ClaimVerdict::figureId, ClaimVerdict::value, ClaimVerdict::verdict)
			.containsExactly(tuple("schools", null, Verdict.UNVERIFIABLE));
	}

	@Test
	void givenDatesDurationsOrdinalsAndNames_noneIsAClaim() {
		String text = "2024年4月24日，国家发展改革委下发通知，明确对2022年5月至2024年4月两年工作进行评估。" + "2023和2024年，连续两年联合印发《北京市与长治市对口合作年度工作要点》。"
				+ "形成六个相结合典型模式：一是北京企业与长治资源相结合，二是第3个项目。" + "印发《2024年100个项目清单》，提出“30个重点项目”口号，12个月内完成，提高3个百分点，千家万户受益。";

		assertThat(checker.check(text)).isEmpty();
	}

	@Test
	void givenTraditionalCharactersPinyinAndChineseNumerals_theClaimIsStillRead() {
		List<ClaimVerdict> verdicts = checker.check("共同推進實(shí)施一百四十個合作項目,,完成投資約110億元。");

		assertThat(verdicts).extracting(ClaimVerdict::phrase, ClaimVerdict::figureId, ClaimVerdict::verdict)
			.containsExactly(tuple("一百四十个", "project_count", Verdict.CONSISTENT),
					tuple("约110亿元", "completed_investment", Verdict.CONSISTENT));
	}

	@Test
	void givenAContradictingHedge_theClaimIsContradicted() {
		assertThat(checker.check("完成投资超120亿元。")).extracting(ClaimVerdict::verdict)
			.containsExactly(Verdict.CONTRADICTED);
		assertThat(checker.check("技术合同交易额达1.1亿元。")).extracting(ClaimVerdict::verdict)
			.containsExactly(Verdict.CONTRADICTED);
		assertThat(checker.check("共同推进实施141个合作项目。")).extracting(ClaimVerdict::verdict)
			.containsExactly(Verdict.CONTRADICTED);
	}

	@Test
	void givenNoisyText_theCleanerRemovesPinyinDoubledCommasAndTraditionalForms() {
		TextCleaner cleaner = new TextCleaner();

		assertThat(cleaner.clean("為長治市高質(zhì)量發(fā)展注入新動能,,社會資金600余億元，，共同、、推進"))
			.isEqualTo("为长治市高质量发展注入新动能,社会资金600余亿元，共同、推进");
		assertThat(cleaner.clean("質（zhì）量 (2024) 餘")).isEqualTo("质量 (2024) 余");
	}

	@Test
	@Tag("timed") // a wall-clock bound: left out of mutation testing, where it would only
					// time out
	void givenALongText_checkingStaysFast() throws IOException {
		String longText = SeedPressRelease.text().repeat(40);

		long started = System.nanoTime();
		List<ClaimVerdict> verdicts = checker.check(longText);

		assertThat(verdicts).hasSize(7 * 40);
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
	}

	/** The figures of a generated million-row ledger: amounts in 万亿, counts in 万. */
	static final List<FigureFact> MILLION_ROWS = List.of(
			twoPeriods("committed_investment", "449784766000000.00", "349784766000000.00", FigureUnit.CNY, "社会资金",
					"签约资金"),
			twoPeriods("project_count", "1000000", "850000", FigureUnit.COUNT, "合作项目", "项目"),
			twoPeriods("completed_investment", "1234567890123.45", "934567890123.45", FigureUnit.CNY, "完成投资"));

	private final ClaimChecker millionRows = new ClaimChecker(MILLION_ROWS, IssueSentencesTest.DERIVED);

	@Test
	void givenAMillionRowLedger_claimsInWanYiYuanAndWanGeAreReadAndJudged() {
		List<ClaimVerdict> verdicts = millionRows
			.check("截至2024年12月31日，北京企业签约社会资金约450万亿元，即449.78万亿元，共同推进实施100万个合作项目，完成投资1.2万亿元，"
					+ "平均每个项目约4.5亿元。社会资金较6月底增加100万亿元，合作项目较6月底增加15万个。");

		assertThat(verdicts).extracting(ClaimVerdict::phrase, ClaimVerdict::figureId, ClaimVerdict::verdict)
			.containsExactly(tuple("约450万亿元", "committed_investment", Verdict.CONSISTENT),
					tuple("449.78万亿元", "committed_investment", Verdict.CONSISTENT),
					tuple("100万个", "project_count", Verdict.CONSISTENT),
					tuple("1.2万亿元", "completed_investment", Verdict.CONSISTENT),
					tuple("约4.5亿元", "committed_per_project", Verdict.CONSISTENT),
					tuple("增加100万亿元", "committed_investment", Verdict.CONSISTENT),
					tuple("增加15万个", "project_count", Verdict.CONSISTENT));
		assertThat(verdicts.get(0).low()).isEqualByComparingTo("445000000000000");
		assertThat(verdicts.get(0).high()).isEqualByComparingTo("455000000000000");
	}

	@Test
	void givenAMillionRowLedger_explanationsStateTheFiguresInWanYiYuanAndWan() {
		List<ClaimVerdict> verdicts = millionRows
			.check("截至2024年12月31日，签约社会资金400余万亿元，合作项目100万个左右。社会资金较6月底增加100万亿元，合作项目较6月底增加15万个。");

		assertThat(verdicts).extracting(ClaimVerdict::explanation)
			.containsExactly("committed investment（2024-12-31）= 449.78万亿元，与“400余万亿元”一致",
					"project count（2024-12-31）= 100万个，与“100万个左右”一致",
					"449.78万亿元 − 349.78万亿元（2024-06-30）= 100.00万亿元，与“增加100万亿元”一致",
					"100万 − 85万（2024-06-30）= 15万个，与“增加15万个”一致");
	}

	@Test
	void givenAMillionRowLedgerMisquoted_theCorrectionKeepsTheWritersMagnitude() {
		List<ClaimVerdict> verdicts = millionRows.check("截至2024年12月31日，签约社会资金约460万亿元，共同推进实施110万个合作项目，签约资金超过5000000亿元。");

		assertThat(verdicts).extracting(ClaimVerdict::phrase, ClaimVerdict::verdict, ClaimVerdict::correction)
			.containsExactly(tuple("约460万亿元", Verdict.CONTRADICTED, "约450万亿元"),
					tuple("110万个", Verdict.CONTRADICTED, "100万个"),
					tuple("超过5000000亿元", Verdict.CONTRADICTED, "超4000000亿元"));
	}

	private static FigureFact twoPeriods(String id, String december, String june, FigureUnit unit, String... aliases) {
		return new FigureFact(id, id.replace('_', ' '), List.of(aliases), new BigDecimal(december), unit, true,
				IssueSentencesTest.DECEMBER, Map.of(IssueSentencesTest.JUNE, new BigDecimal(june)));
	}

	private static FigureFact fact(String id, String value, FigureUnit unit, String... aliases) {
		return new FigureFact(id, id.replace('_', ' '), List.of(aliases), new BigDecimal(value), unit, true);
	}

}
