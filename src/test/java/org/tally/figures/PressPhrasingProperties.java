package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.tally.support.Theories.longsAcrossMagnitudes;
import static org.tally.support.Theories.qt;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PressPhrasingProperties {

	@Test
	void givenAnyAmountAndStyle_theRenderedPhraseParsesBackToARangeHoldingTheAmount() {
		qt(3000).forAll(amounts(), amountStyles()).checkAssert((value, style) -> {
			assertParsesBackHolding(value, FigureUnit.CNY, style);
			assertThat(PressPhrasing.renderEnglish(value, FigureUnit.CNY, style)).endsWith(" yuan");
		});
	}

	@Test
	void givenAnyCountAndStyle_theRenderedPhraseParsesBackToARangeHoldingTheCount() {
		qt(3000).forAll(counts(), countStyles())
			.checkAssert((value, style) -> assertParsesBackHolding(value, FigureUnit.COUNT, style));
	}

	@Test
	void givenAPlainCount_theExactPhraseHoldsThatCountAndNoOther() {
		qt(1000).forAll(counts()).checkAssert(value -> {
			PhraseRange range = PressPhrasing.parse(PressPhrasing.display(value, FigureUnit.COUNT, null, 0, "个"))
				.orElseThrow();

			assertThat(range.contains(value)).isTrue();
			assertThat(range.contains(value.add(BigDecimal.ONE))).isFalse();
			assertThat(range.contains(value.subtract(BigDecimal.ONE))).isFalse();
		});
	}

	@Test
	void givenATableFigure_itsDisplayReadsAsAnExactPhraseHoldingIt() {
		qt(1000).forAll(amounts(), amountUnits(), decimals()).checkAssert((value, amountUnit, decimals) -> {
			String shown = PressPhrasing.display(value, FigureUnit.CNY, amountUnit, decimals, null);

			assertThat(PressPhrasing.parse(shown).orElseThrow().contains(value)).as(shown).isTrue();
		});
	}

	@Test
	void givenAnyCountWrittenInChineseNumerals_itReadsAsThatCount() {
		qt(2000).forAll(longsAcrossMagnitudes(1, 99_999_999), measureWords()).checkAssert((n, word) -> {
			String phrase = chinese(n) + word;

			PhraseRange range = PressPhrasing.parse(phrase).orElseThrow(() -> new AssertionError("unread: " + phrase));

			assertThat(range.phrase()).isEqualTo(phrase);
			assertThat(range.contains(BigDecimal.valueOf(n))).as(phrase).isTrue();
			if (n < 10_000) {
				assertThat(range.low()).as(phrase).isEqualByComparingTo(BigDecimal.valueOf(n));
				assertThat(range.highInclusive()).isTrue();
			}
		});
	}

	static Gen<String> measureWords() {
		return arbitrary().pick("个", "项", "所", "家", "人次", "名");
	}

	/** A plain reference writer: 一万零五百, 十二 written 一十二 as in formal numerals. */
	private static String chinese(long n) {
		if (n < 10_000) {
			return section((int) n);
		}
		int low = (int) (n % 10_000);
		return section((int) (n / 10_000)) + "万" + (low == 0 ? "" : (low < 1000 ? "零" : "") + section(low));
	}

	private static String section(int n) {
		String digits = "零一二三四五六七八九";
		String[] units = { "千", "百", "十", "" };
		StringBuilder out = new StringBuilder();
		boolean started = false;
		boolean zero = false;
		for (int pos = 0; pos < 4; pos++) {
			int digit = n / (int) Math.pow(10, 3 - pos) % 10;
			if (digit == 0) {
				zero = started;
			}
			else {
				if (zero) {
					out.append('零');
					zero = false;
				}
				out.append(digits.charAt(digit)).append(units[pos]);
				started = true;
			}
		}
		return out.toString();
	}

	static Gen<BigDecimal> amounts() {
		Gen<BigDecimal> anyScale = longsAcrossMagnitudes(1, 9_999_999_999_999_999L)
			.map(cents -> BigDecimal.valueOf(cents, 2));
		Gen<BigDecimal> roundish = integers().between(1, 999)
			.zip(integers().between(0, 12), (m, e) -> BigDecimal.valueOf(m).movePointRight(e));
		return Generate.oneOf(anyScale, roundish);
	}

	static Gen<BigDecimal> counts() {
		Gen<BigDecimal> small = integers().between(1, 2000).map(n -> BigDecimal.valueOf(n));
		Gen<BigDecimal> large = longsAcrossMagnitudes(1, 9_999_999_999L).map(n -> BigDecimal.valueOf(n));
		return Generate.oneOf(small, large);
	}

	static Gen<String> amountUnits() {
		return arbitrary().pick("元", "万元", "亿元", "万亿元", "億元", "萬元");
	}

	static Gen<Integer> decimals() {
		return integers().between(0, 4);
	}

	static Gen<PhraseStyle> amountStyles() {
		return arbitrary().enumValues(PhraseKind.class)
			.zip(amountUnits(), decimals(), integers().between(1, 5),
					(kind, unit, decimals, significant) -> new PhraseStyle(kind, unit, decimals, significant, null));
	}

	static Gen<PhraseStyle> countStyles() {
		return arbitrary().enumValues(PhraseKind.class)
			.zip(arbitrary().pick("", "万", "亿"), decimals(), integers().between(1, 5),
					arbitrary().pick("个", "项", "所", "家", "人次", "名", "個"),
					(kind, magnitude, decimals, significant, word) -> new PhraseStyle(kind,
							magnitude.isEmpty() ? null : magnitude, decimals, significant, word));
	}

	/**
	 * The phrase rendered in a style parses back to a range of that style and unit which
	 * holds the value.
	 */
	private static void assertParsesBackHolding(BigDecimal value, FigureUnit unit, PhraseStyle style) {
		String phrase = PressPhrasing.render(value, unit, style);

		PhraseRange range = PressPhrasing.parse(phrase).orElseThrow(() -> new AssertionError("unread: " + phrase));

		assertThat(range.phrase()).isEqualTo(phrase);
		assertThat(range.kind()).isEqualTo(style.kind());
		assertThat(range.unit()).isEqualTo(unit);
		assertThat(range.contains(value)).as("%s holds %s: [%s, %s)", phrase, value, range.low(), range.high())
			.isTrue();
	}

}
