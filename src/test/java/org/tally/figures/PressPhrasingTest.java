package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PressPhrasingTest {

	private static final BigDecimal COMMITTED = new BigDecimal("60237450000.00");

	private static final BigDecimal COMPLETED = new BigDecimal("10985632500.00");

	private static final BigDecimal CONTRACTS = new BigDecimal("103046800.00");

	@ParameterizedTest(name = "{0} reads as {1} {2} from {3} to {4}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			600余亿元       | YU    | CNY   | 60000000000   | 70000000000   | false | 600余亿元
			600多亿元       | YU    | CNY   | 60000000000   | 70000000000   | false | 600多亿元
			达600余亿元     | YU    | CNY   | 60000000000   | 70000000000   | false | 达600余亿元
			約110億元       | ABOUT | CNY   | 10500000000   | 11500000000   | false | 約110億元
			约110亿元       | ABOUT | CNY   | 10500000000   | 11500000000   | false | 约110亿元
			110亿元左右     | ABOUT | CNY   | 10500000000   | 11500000000   | false | 110亿元左右
			约1.03亿元      | ABOUT | CNY   | 102500000     | 103500000     | false | 约1.03亿元
			1.03亿元        | EXACT | CNY   | 102500000     | 103500000     | false | 1.03亿元
			达1.03亿元      | REACH | CNY   | 102500000     | 103500000     | false | 达1.03亿元
			技术合同         | null  | null  | null          | null          | false | null
			近50亿元        | NEAR  | CNY   | 4000000000    | 5000000000    | false | 近50亿元
			超100亿元       | OVER  | CNY   | 10000000000   | null          | false | 超100亿元
			5000万元        | EXACT | CNY   | 49995000      | 50005000      | false | 5000万元
			2.5万亿元       | EXACT | CNY   | 2450000000000 | 2550000000000 | false | 2.5万亿元
			三万亿元        | EXACT | CNY   | 2500000000000 | 3500000000000 | false | 三万亿元
			一点五亿元      | EXACT | CNY   | 145000000     | 155000000     | false | 一点五亿元
			一亿两千万元    | EXACT | CNY   | 119995000     | 120005000     | false | 一亿两千万元
			0.5亿元         | EXACT | CNY   | 45000000      | 55000000      | false | 0.5亿元
			12,000,000元    | EXACT | CNY   | 11999999.5    | 12000000.5    | false | 12,000,000元
			1,000.5万元     | EXACT | CNY   | 10004500      | 10005500      | false | 1,000.5万元
			1,2345个        | null  | null  | null          | null          | false | null
			3,00个          | null  | null  | null          | null          | false | null
			3,000           | null  | null  | null          | null          | false | null
			一千零五十个    | EXACT | COUNT | 1050          | 1050          | true  | 一千零五十个
			两万三千人次    | EXACT | COUNT | 23000         | 23000         | true  | 两万三千人次
			十万个          | EXACT | COUNT | 95000         | 105000        | false | 十万个
			一亿零五百万元  | EXACT | CNY   | 104995000     | 105005000     | false | 一亿零五百万元
			三点一四亿元    | EXACT | CNY   | 313500000     | 314500000     | false | 三点一四亿元
			壹佰个          | EXACT | COUNT | 100           | 100           | true  | 壹佰个
			零个            | null  | null  | null          | null          | false | null
			百个            | null  | null  | null          | null          | false | null
			三四个          | null  | null  | null          | null          | false | null
			140个           | EXACT | COUNT | 140           | 140           | true  | 140个
			87个项目        | EXACT | COUNT | 87            | 87            | true  | 87个
			12個            | EXACT | COUNT | 12            | 12            | true  | 12個
			64項            | EXACT | COUNT | 64            | 64            | true  | 64項
			30所            | EXACT | COUNT | 30            | 30            | true  | 30所
			１４０个        | EXACT | COUNT | 140           | 140           | true  | １４０个
			3,000人次       | EXACT | COUNT | 3000          | 3000          | true  | 3,000人次
			一百四十个      | EXACT | COUNT | 140           | 140           | true  | 一百四十个
			两千三百人次    | EXACT | COUNT | 2300          | 2300          | true  | 两千三百人次
			十二个          | EXACT | COUNT | 12            | 12            | true  | 十二个
			一百零五家      | EXACT | COUNT | 105           | 105           | true  | 一百零五家
			110余个         | YU    | COUNT | 110           | 120           | false | 110余个
			十余个          | YU    | COUNT | 10            | 20            | false | 十余个
			1.5余万人次     | YU    | COUNT | 15000         | 16000         | false | 1.5余万人次
			1.5万余人次     | YU    | COUNT | 15000         | 16000         | false | 1.5万余人次
			两千多人次      | YU    | COUNT | 2000          | 3000          | false | 两千多人次
			逾3000人次      | OVER  | COUNT | 3000          | null          | false | 逾3000人次
			突破1万人次     | OVER  | COUNT | 10000         | null          | false | 突破1万人次
			超过3000家      | OVER  | COUNT | 3000          | null          | false | 超过3000家
			将近2000名      | NEAR  | COUNT | 1000          | 2000          | false | 将近2000名
			近50个          | NEAR  | COUNT | 40            | 50            | false | 近50个
			两万人次        | EXACT | COUNT | 15000         | 25000         | false | 两万人次
			不足110亿元     | NEAR  | CNY   | 10000000000   | 11000000000   | false | 不足110亿元
			不到70项        | NEAR  | COUNT | 60            | 70            | false | 不到70项
			62%             | EXACT | PERCENT | 61.5        | 62.5          | false | 62%
			达62％          | REACH | PERCENT | 61.5        | 62.5          | false | 达62％
			约18.2%         | ABOUT | PERCENT | 18.15       | 18.25         | false | 约18.2%
			百分之六十二    | EXACT | PERCENT | 61.5        | 62.5          | false | 百分之六十二
			六成            | EXACT | PERCENT | 55          | 65            | false | 六成
			超六成          | OVER  | PERCENT | 60          | null          | false | 超六成
			近七成          | NEAR  | PERCENT | 60          | 70            | false | 近七成
			5.5倍           | EXACT | MULTIPLE | 5.45       | 5.55          | false | 5.5倍
			约5倍           | ABOUT | MULTIPLE | 4.5        | 5.5           | false | 约5倍
			""")
	void givenARealPhrasing_itReadsAsTheRangeOfficialTextsMean(String phrase, String kind, String unit, String low,
			String high, boolean highInclusive, String read) {
		if (kind == null) {
			assertThat(PressPhrasing.parse(phrase)).isEmpty();
			return;
		}
		PhraseRange range = PressPhrasing.parse(phrase).orElseThrow();
		assertThat(range.kind()).isEqualTo(PhraseKind.valueOf(kind));
		assertThat(range.unit()).isEqualTo(FigureUnit.valueOf(unit));
		assertThat(range.low()).isEqualByComparingTo(low);
		if (high == null) {
			assertThat(range.high()).isNull();
		}
		else {
			assertThat(range.high()).isEqualByComparingTo(high);
		}
		assertThat(range.highInclusive()).isEqualTo(highInclusive);
		assertThat(range.phrase()).isEqualTo(read);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2022年", "2024年4月24日", "12个月", "3个多月", "3个百分点", "第一梯队", "千家万户", "百家争鸣", "一二线城市", "110亿元以上",
			"社会资金600余亿元", "约600余亿元", "600", "超市", "两年", "" })
	void givenTextThatIsNoFigurePhrase_nothingIsRead(String text) {
		assertThat(PressPhrasing.parse(text)).isEmpty();
	}

	@Test
	void givenTheSeedFigures_theyRenderAsThePressReleaseStatesThem() {
		assertThat(PressPhrasing.render(COMMITTED, FigureUnit.CNY, new PhraseStyle(PhraseKind.YU, "亿元", 0, 1, null)))
			.isEqualTo("600余亿元");
		assertThat(PressPhrasing.render(COMPLETED, FigureUnit.CNY, new PhraseStyle(PhraseKind.ABOUT, "亿元", 0, 2, null)))
			.isEqualTo("约110亿元");
		assertThat(PressPhrasing.render(CONTRACTS, FigureUnit.CNY, new PhraseStyle(PhraseKind.EXACT, "亿元", 2, 0, null)))
			.isEqualTo("1.03亿元");
		assertThat(PressPhrasing.render(CONTRACTS, FigureUnit.CNY, new PhraseStyle(PhraseKind.REACH, "亿元", 2, 0, null)))
			.isEqualTo("达1.03亿元");
		assertThat(count(140, "个")).isEqualTo("140个");
		assertThat(count(87, "个")).isEqualTo("87个");
		assertThat(count(64, "项")).isEqualTo("64项");
		assertThat(count(12, "个")).isEqualTo("12个");
	}

	@Test
	void givenTheOtherKinds_theyRenderWithTheirHedge() {
		assertThat(PressPhrasing.render(new BigDecimal("4930000000"), FigureUnit.CNY,
				new PhraseStyle(PhraseKind.NEAR, "亿元", 0, 1, null)))
			.isEqualTo("近50亿元");
		assertThat(PressPhrasing.render(COMMITTED, FigureUnit.CNY, new PhraseStyle(PhraseKind.OVER, "亿元", 0, 1, null)))
			.isEqualTo("超600亿元");
		assertThat(PressPhrasing.render(new BigDecimal("10000"), FigureUnit.COUNT,
				new PhraseStyle(PhraseKind.OVER, "万", 0, 1, "人次")))
			.isEqualTo("超0.9万人次");
		assertThat(PressPhrasing.render(new BigDecimal("15321"), FigureUnit.COUNT,
				new PhraseStyle(PhraseKind.YU, "万", 0, 2, "人次")))
			.isEqualTo("1.5余万人次");
		assertThat(PressPhrasing.render(new BigDecimal("3012"), FigureUnit.COUNT,
				new PhraseStyle(PhraseKind.OVER, null, 0, 1, "人次")))
			.isEqualTo("超3000人次");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			60237450000.00 | CNY   | YU    | 亿元 | 0 | 1 | null | over 60 billion yuan
			10985632500.00 | CNY   | ABOUT | 亿元 | 0 | 2 | null | about 11 billion yuan
			103046800.00   | CNY   | REACH | 亿元 | 2 | 0 | null | 103 million yuan
			140            | COUNT | EXACT | null | 0 | 0 | 个   | 140
			3012           | COUNT | OVER  | null | 0 | 1 | 人次 | more than 3,000 person-times
			""")
	void givenTheSeedFigures_theEnglishSaysTheSame(BigDecimal value, FigureUnit unit, PhraseKind kind, String magnitude,
			int decimals, int significant, String counter, String english) {
		assertThat(PressPhrasing.renderEnglish(value, unit,
				new PhraseStyle(kind, magnitude, decimals, significant, counter)))
			.isEqualTo(english);
	}

	@Test
	void givenATableFigure_displayShowsItInTheAmountUnit() {
		assertThat(PressPhrasing.display(COMMITTED, FigureUnit.CNY, "亿元", 2, null)).isEqualTo("602.37亿元");
		assertThat(PressPhrasing.display(CONTRACTS, FigureUnit.CNY, "万元", 2, null)).isEqualTo("10304.68万元");
		assertThat(PressPhrasing.display(new BigDecimal("140"), FigureUnit.COUNT, null, 0, "个")).isEqualTo("140个");
	}

	@Test
	void givenAStyleThatCannotBeReadBack_renderingRefuses() {
		assertThatThrownBy(
				() -> PressPhrasing.render(COMMITTED, FigureUnit.CNY, new PhraseStyle(PhraseKind.YU, "千元", 0, 1, null)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("千元");
		assertThatThrownBy(() -> PressPhrasing.render(BigDecimal.TEN, FigureUnit.COUNT,
				new PhraseStyle(PhraseKind.EXACT, null, 0, 0, "只")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("只");
		assertThatThrownBy(() -> PressPhrasing.render(COMMITTED, FigureUnit.CNY,
				new PhraseStyle(PhraseKind.ABOUT, "亿元", 0, 0, null)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PressPhrasing.render(new BigDecimal("-1"), FigureUnit.CNY,
				new PhraseStyle(PhraseKind.EXACT, "元", 0, 0, null)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void givenAnOverRange_theStatedNumberItselfIsOutside() {
		PhraseRange over = PressPhrasing.parse("超100亿元").orElseThrow();
		assertThat(over.contains(new BigDecimal("10000000000"))).isFalse();
		assertThat(over.contains(new BigDecimal("10000000001"))).isTrue();
		PhraseRange yu = PressPhrasing.parse("600余亿元").orElseThrow();
		assertThat(yu.contains(new BigDecimal("60000000000"))).isTrue();
		assertThat(yu.contains(new BigDecimal("70000000000"))).isFalse();
	}

	@Test
	void givenAMillionRowLedgersCommittedInvestment_itIsShownAndPhrasedInWanYi() {
		BigDecimal committed = new BigDecimal("449784766000000.00");

		assertThat(PressPhrasing.displayScaled(committed, FigureUnit.CNY, "亿元", 2, null)).isEqualTo("449.78万亿元");
		assertThat(PressPhrasing.render(committed, FigureUnit.CNY, scaled(PhraseKind.YU, "亿元", 0, 1)))
			.isEqualTo("400余万亿元");
		assertThat(PressPhrasing.render(committed, FigureUnit.CNY, scaled(PhraseKind.ABOUT, "亿元", 0, 2)))
			.isEqualTo("约450万亿元");
		assertThat(PressPhrasing.renderEnglish(committed, FigureUnit.CNY, scaled(PhraseKind.ABOUT, "亿元", 0, 2)))
			.isEqualTo("about 450 trillion yuan");
	}

	@Test
	void givenAMillionProjects_theCountIsShownAndPhrasedInWan() {
		BigDecimal projects = new BigDecimal("1000000");

		assertThat(PressPhrasing.displayScaled(projects, FigureUnit.COUNT, null, 0, "个")).isEqualTo("100万个");
		assertThat(PressPhrasing.render(projects, FigureUnit.COUNT, scaled(PhraseKind.EXACT, null, 0, 0)))
			.isEqualTo("100万个");
		assertThat(PressPhrasing.renderEnglish(projects, FigureUnit.COUNT, scaled(PhraseKind.EXACT, null, 0, 0)))
			.isEqualTo("1 million");
	}

	@ParameterizedTest(name = "{0} yuan is shown as {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0.50               | 0.50元
			9999.99            | 9999.99元
			9999.996           | 1.00万元
			10000              | 1.00万元
			70778500           | 7077.85万元
			99999999.99        | 1.00亿元
			103046800          | 1.03亿元
			60237450000        | 602.37亿元
			999999999999.99    | 1.00万亿元
			-999999999999.99   | -1.00万亿元
			-70778500          | -7077.85万元
			1200000000000      | 1.20万亿元
			449784766000000    | 449.78万亿元
			10000000000000000  | 10000.00万亿元
			""")
	void givenAnAmountOfAnyMagnitude_theScaledDisplayStatesItInTheUnitOfItsMagnitude(String yuan, String shown) {
		assertThat(PressPhrasing.displayScaled(new BigDecimal(yuan), FigureUnit.CNY, "亿元", 2, null)).isEqualTo(shown);
	}

	@ParameterizedTest(name = "{0} is shown as {1}")
	@CsvSource(delimiter = '|', textBlock = """
			140                | 140个
			9999               | 9999个
			10000              | 1万个
			12345              | 1.2345万个
			1000000            | 100万个
			123456789          | 1.23456789亿个
			1000000000000      | 1万亿个
			10000000000000000  | 10000万亿个
			""")
	void givenACountOfAnyMagnitude_theScaledDisplayKeepsEveryDigitInTheUnitOfItsMagnitude(String count, String shown) {
		assertThat(PressPhrasing.displayScaled(new BigDecimal(count), FigureUnit.COUNT, null, 0, "个")).isEqualTo(shown);
	}

	@ParameterizedTest(name = "{0} {1} ({2} decimals, {3} digits) in {4}: {5}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			60237450000      | YU    | 0 | 1 | 亿元 | 600余亿元
			10985632500      | ABOUT | 0 | 2 | 亿元 | 约110亿元
			103046800        | EXACT | 2 | 0 | 亿元 | 1.03亿元
			70778500         | EXACT | 2 | 0 | 亿元 | 7077.85万元
			70778500         | ABOUT | 0 | 2 | 亿元 | 约7100万元
			449784766000000  | EXACT | 2 | 0 | 亿元 | 449.78万亿元
			449784766000000  | REACH | 1 | 0 | 元   | 达449.8万亿元
			449784766000000  | NEAR  | 0 | 1 | 亿元 | 近500万亿元
			449784766000000  | OVER  | 0 | 1 | 亿元 | 超400万亿元
			1234567890123    | EXACT | 1 | 0 | 亿元 | 1.2万亿元
			996000000000     | ABOUT | 0 | 2 | 亿元 | 约1万亿元
			999950000000     | NEAR  | 0 | 4 | 亿元 | 近1万亿元
			""")
	void givenAScaledMoneyStyle_thePhraseIsInTheUnitOfTheValuesMagnitude(String yuan, String kind, int decimals,
			int significant, String amountUnit, String phrase) {
		PhraseStyle style = scaled(PhraseKind.valueOf(kind), amountUnit, decimals, significant);

		assertThat(PressPhrasing.render(new BigDecimal(yuan), FigureUnit.CNY, style)).isEqualTo(phrase);
	}

	@ParameterizedTest(name = "{0} {1} ({2} digits) in {3}: {4}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			140      | EXACT | 0 | null | 140个
			1000000  | EXACT | 0 | null | 100万个
			1234567  | REACH | 0 | null | 达123.4567万个
			1234567  | YU    | 2 | null | 120余万个
			1234567  | ABOUT | 1 | null | 约100万个
			1234567  | OVER  | 3 | null | 超123万个
			3012     | EXACT | 0 | 万   | 3012个
			15321    | YU    | 2 | 万   | 1.5余万个
			""")
	void givenAScaledCountStyle_thePhraseIsInTheUnitOfTheCountsMagnitude(String count, String kind, int significant,
			String magnitude, String phrase) {
		PhraseStyle style = new PhraseStyle(PhraseKind.valueOf(kind), magnitude, 0, significant, "个", true);

		assertThat(PressPhrasing.render(new BigDecimal(count), FigureUnit.COUNT, style)).isEqualTo(phrase);
	}

	@Test
	void givenAStyleThatIsNotScaled_theFigureStaysInItsAmountUnit() {
		assertThat(PressPhrasing.display(new BigDecimal("449784766000000"), FigureUnit.CNY, "亿元", 2, null))
			.isEqualTo("4497847.66亿元");
		assertThat(PressPhrasing.render(new BigDecimal("449784766000000"), FigureUnit.CNY,
				new PhraseStyle(PhraseKind.YU, "亿元", 0, 1, null)))
			.isEqualTo("4000000余亿元");
		assertThat(PressPhrasing.display(new BigDecimal("1000000"), FigureUnit.COUNT, null, 0, "个"))
			.isEqualTo("1000000个");
	}

	@Test
	void givenARateOrAMultiple_scalingLeavesItAsItIs() {
		assertThat(PressPhrasing.displayScaled(new BigDecimal("12000"), FigureUnit.PERCENT, null, 0, null))
			.isEqualTo("12000%");
		assertThat(PressPhrasing.render(new BigDecimal("12000"), FigureUnit.MULTIPLE,
				scaled(PhraseKind.EXACT, null, 0, 0)))
			.isEqualTo("12000倍");
	}

	@Test
	void givenZero_itStaysInTheAmountUnitItWasAskedIn() {
		assertThat(PressPhrasing.displayScaled(BigDecimal.ZERO, FigureUnit.CNY, "亿元", 2, null)).isEqualTo("0.00亿元");
		assertThat(PressPhrasing.render(BigDecimal.ZERO, FigureUnit.CNY, scaled(PhraseKind.EXACT, "万元", 0, 0)))
			.isEqualTo("0万元");
		assertThat(PressPhrasing.render(BigDecimal.ZERO, FigureUnit.CNY, scaled(PhraseKind.YU, "亿元", 0, 1)))
			.isEqualTo("0余亿元");
		assertThat(PressPhrasing.parse("0余亿元").orElseThrow().contains(BigDecimal.ZERO)).isTrue();
		assertThatThrownBy(
				() -> PressPhrasing.render(BigDecimal.ZERO, FigureUnit.CNY, scaled(PhraseKind.OVER, "亿元", 0, 1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("超");
	}

	@ParameterizedTest(name = "{0} is stated in 10^{1}, {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0                 | 0  | 元
			9999.99           | 0  | 元
			-10000            | 4  | 万元
			99999999          | 4  | 万元
			100000000         | 8  | 亿元
			999999999999      | 8  | 亿元
			1000000000000     | 12 | 万亿元
			10000000000000000 | 12 | 万亿元
			""")
	void givenAValue_itsMagnitudeIsTheLargestUnitItReaches(String value, int exponent, String amountUnit) {
		assertThat(PressPhrasing.magnitudeOf(new BigDecimal(value))).isEqualTo(exponent);
		assertThat(PressPhrasing.amountUnitOf(exponent)).isEqualTo(amountUnit);
	}

	private static PhraseStyle scaled(PhraseKind kind, String amountUnit, int decimals, int significant) {
		return new PhraseStyle(kind, amountUnit, decimals, significant, "个").scaledToMagnitude();
	}

	private static String count(int n, String measureWord) {
		return PressPhrasing.render(BigDecimal.valueOf(n), FigureUnit.COUNT,
				new PhraseStyle(PhraseKind.EXACT, null, 0, 0, measureWord));
	}

}
