package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.tally.support.Theories.longsAcrossMagnitudes;
import static org.tally.support.Theories.qt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.tally.figures.internal.phrasing.PhraseReader;
import org.tally.figures.internal.phrasing.ReadPhrase;

/**
 * Properties of phrasing, checked on examples from a fixed seed (QuickTheories): whatever
 * is rendered reads back to a range holding the value, at every magnitude to 10¹⁶.
 */
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

	@Test
	void givenAnyAmountFromOneYuanTo10To16InAScaledStyle_phraseRangeAndPhraseRoundTripInTheUnitOfItsMagnitude() {
		qt(4000).forAll(amountsUpTo10To16(), scaledAmountStyles())
			.checkAssert((value, style) -> assertRoundTrip(value, FigureUnit.CNY,
					PressPhrasing.render(value, FigureUnit.CNY, style), style.kind()));
	}

	@Test
	void givenAnyCountFromOneTo10To16InAScaledStyle_phraseRangeAndPhraseRoundTripInTheUnitOfItsMagnitude() {
		qt(4000).forAll(countsUpTo10To16(), scaledCountStyles())
			.checkAssert((value, style) -> assertRoundTrip(value, FigureUnit.COUNT,
					PressPhrasing.render(value, FigureUnit.COUNT, style), style.kind()));
	}

	@Test
	void givenAnyAmountOrCountUpTo10To16_theScaledDisplayRoundTripsAsAnExactPhrase() {
		qt(2000).forAll(amountsUpTo10To16(), amountUnits(), decimals())
			.checkAssert((value, amountUnit, decimals) -> assertRoundTrip(value, FigureUnit.CNY,
					PressPhrasing.displayScaled(value, FigureUnit.CNY, amountUnit, decimals, null), PhraseKind.EXACT));
		qt(2000).forAll(countsUpTo10To16())
			.checkAssert(value -> assertRoundTrip(value, FigureUnit.COUNT,
					PressPhrasing.displayScaled(value, FigureUnit.COUNT, null, 0, "个"), PhraseKind.EXACT));
	}

	/**
	 * The phrase reads back as a range of its kind and unit that holds the value; that
	 * range, with the value, phrases back to the same words (what a correction would say
	 * is what was said); and the phrase is in the unit of the value's magnitude, or the
	 * next one up when the stated number rounded up to 1 of it.
	 */
	private static void assertRoundTrip(BigDecimal value, FigureUnit unit, String phrase, PhraseKind kind) {
		PhraseRange range = PressPhrasing.parse(phrase).orElseThrow(() -> new AssertionError("unread: " + phrase));

		assertThat(range.phrase()).isEqualTo(phrase);
		assertThat(range.kind()).isEqualTo(kind);
		assertThat(range.unit()).isEqualTo(unit);
		assertThat(range.contains(value)).as("%s holds %s: [%s, %s)", phrase, value, range.low(), range.high())
			.isTrue();
		String rephrased = PhraseCorrection.correct(range, value).orElseThrow();
		if (kind == PhraseKind.OVER && isPowerOfTen(value)) {
			// 超0.99元 for 1 yuan: the number stated has fewer digits than the value's own
			// magnitude, and the correction counts digits from that (超0.9元).
			assertThat(PressPhrasing.parse(rephrased).orElseThrow().contains(value)).as(rephrased).isTrue();
		}
		else {
			assertThat(rephrased).as("%s for %s, rephrased", phrase, value).isEqualTo(phrase);
		}
		ReadPhrase read = PhraseReader.read(phrase, 0).orElseThrow();
		int magnitude = PressPhrasing.magnitudeOf(value);
		if (read.exponent() == magnitude) {
			assertThat(read.number().compareTo(BigDecimal.TEN.pow(4)) < 0 || magnitude == 12).as(phrase).isTrue();
		}
		else {
			assertThat(read.exponent()).as("%s for %s", phrase, value).isEqualTo(magnitude + 4);
			assertThat(read.number()).as(phrase).isEqualByComparingTo(BigDecimal.ONE);
		}
	}

	private static boolean isPowerOfTen(BigDecimal value) {
		return value.stripTrailingZeros().unscaledValue().equals(BigInteger.ONE);
	}

	/**
	 * Yuan from 1 to 10¹⁶: any amount to the cent, round amounts, and amounts around
	 * 10000 of a unit, where the unit changes.
	 */
	static Gen<BigDecimal> amountsUpTo10To16() {
		Gen<BigDecimal> anyCents = longsAcrossMagnitudes(100, 1_000_000_000_000_000_000L)
			.map(cents -> BigDecimal.valueOf(cents, 2));
		Gen<BigDecimal> roundish = integers().between(1, 9999)
			.zip(integers().between(0, 12), (m, e) -> BigDecimal.valueOf(m).movePointRight(e));
		return Generate.oneOf(anyCents, roundish, aroundTenThousandOfAUnit(2));
	}

	/** Counts from 1 to 10¹⁶, and counts around 10000 of a unit. */
	static Gen<BigDecimal> countsUpTo10To16() {
		Gen<BigDecimal> any = longsAcrossMagnitudes(1, 10_000_000_000_000_000L).map(n -> BigDecimal.valueOf(n));
		return Generate.oneOf(any, aroundTenThousandOfAUnit(0));
	}

	/** 9950 to 10050 of 1, 万, 亿 or 万亿, to {@code scale} decimals, at most 10¹⁶. */
	private static Gen<BigDecimal> aroundTenThousandOfAUnit(int scale) {
		BigDecimal largest = BigDecimal.TEN.pow(16);
		return integers().between(0, 3)
			.zip(longs().between(99_500_000L, 100_500_000L),
					(unit, m) -> BigDecimal.valueOf(m)
						.movePointLeft(4)
						.movePointRight(4 * unit)
						.setScale(scale, RoundingMode.DOWN)
						.max(BigDecimal.ONE)
						.min(largest));
	}

	static Gen<PhraseStyle> scaledAmountStyles() {
		return amountStyles().map(style -> style.scaledToMagnitude());
	}

	static Gen<PhraseStyle> scaledCountStyles() {
		return arbitrary().enumValues(PhraseKind.class)
			.zip(arbitrary().pick("", "万", "亿"), decimals(), integers().between(1, 5), measureWords(),
					(kind, magnitude, decimals, significant, word) -> new PhraseStyle(kind,
							magnitude.isEmpty() ? null : magnitude, decimals, significant, word, true));
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
