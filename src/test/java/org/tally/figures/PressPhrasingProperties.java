package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PressPhrasingProperties {

	@Property(tries = 3000)
	@Label("given any amount and style, the rendered phrase parses back to a range holding the amount")
	void amountsRoundTrip(@ForAll("amounts") BigDecimal value, @ForAll("amountStyles") PhraseStyle style) {
		String phrase = PressPhrasing.render(value, FigureUnit.CNY, style);

		PhraseRange range = PressPhrasing.parse(phrase).orElseThrow(() -> new AssertionError("unread: " + phrase));

		assertThat(range.phrase()).isEqualTo(phrase);
		assertThat(range.kind()).isEqualTo(style.kind());
		assertThat(range.unit()).isEqualTo(FigureUnit.CNY);
		assertThat(range.contains(value)).as("%s holds %s: [%s, %s)", phrase, value, range.low(), range.high())
			.isTrue();
		assertThat(PressPhrasing.renderEnglish(value, FigureUnit.CNY, style)).endsWith(" yuan");
	}

	@Property(tries = 3000)
	@Label("given any count and style, the rendered phrase parses back to a range holding the count")
	void countsRoundTrip(@ForAll("counts") BigDecimal value, @ForAll("countStyles") PhraseStyle style) {
		String phrase = PressPhrasing.render(value, FigureUnit.COUNT, style);

		PhraseRange range = PressPhrasing.parse(phrase).orElseThrow(() -> new AssertionError("unread: " + phrase));

		assertThat(range.phrase()).isEqualTo(phrase);
		assertThat(range.kind()).isEqualTo(style.kind());
		assertThat(range.unit()).isEqualTo(FigureUnit.COUNT);
		assertThat(range.contains(value)).as("%s holds %s: [%s, %s)", phrase, value, range.low(), range.high())
			.isTrue();
	}

	@Property(tries = 1000)
	@Label("given a plain count, the exact phrase holds that count and no other")
	void plainCountsAreExact(@ForAll("counts") BigDecimal value) {
		PhraseRange range = PressPhrasing.parse(PressPhrasing.display(value, FigureUnit.COUNT, null, 0, "个"))
			.orElseThrow();

		assertThat(range.contains(value)).isTrue();
		assertThat(range.contains(value.add(BigDecimal.ONE))).isFalse();
		assertThat(range.contains(value.subtract(BigDecimal.ONE))).isFalse();
	}

	@Property(tries = 1000)
	@Label("given a table figure, its display reads as an exact phrase holding it")
	void displayedAmountsRoundTrip(@ForAll("amounts") BigDecimal value, @ForAll("amountUnits") String amountUnit,
			@ForAll("decimals") int decimals) {
		String shown = PressPhrasing.display(value, FigureUnit.CNY, amountUnit, decimals, null);

		assertThat(PressPhrasing.parse(shown).orElseThrow().contains(value)).as(shown).isTrue();
	}

	@Property(tries = 2000)
	@Label("given any count written in Chinese numerals, it reads as that count")
	void chineseNumeralsRead(@ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 99_999_999) long n,
			@ForAll("measureWords") String word) {
		String phrase = chinese(n) + word;

		PhraseRange range = PressPhrasing.parse(phrase).orElseThrow(() -> new AssertionError("unread: " + phrase));

		assertThat(range.phrase()).isEqualTo(phrase);
		assertThat(range.contains(BigDecimal.valueOf(n))).as(phrase).isTrue();
		if (n < 10_000) {
			assertThat(range.low()).as(phrase).isEqualByComparingTo(BigDecimal.valueOf(n));
			assertThat(range.highInclusive()).isTrue();
		}
	}

	@Provide
	Arbitrary<String> measureWords() {
		return Arbitraries.of("个", "项", "所", "家", "人次", "名");
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

	@Provide
	Arbitrary<BigDecimal> amounts() {
		Arbitrary<BigDecimal> anyScale = Arbitraries.bigDecimals()
			.between(new BigDecimal("0.01"), new BigDecimal("99999999999999.99"))
			.ofScale(2);
		Arbitrary<BigDecimal> roundish = Arbitraries.integers()
			.between(1, 999)
			.flatMap(m -> Arbitraries.integers().between(0, 12).map(e -> BigDecimal.valueOf(m).movePointRight(e)));
		return Arbitraries.oneOf(anyScale, roundish);
	}

	@Provide
	Arbitrary<BigDecimal> counts() {
		Arbitrary<BigDecimal> small = Arbitraries.integers().between(1, 2000).map(BigDecimal::valueOf);
		Arbitrary<BigDecimal> large = Arbitraries.longs().between(1, 9_999_999_999L).map(BigDecimal::valueOf);
		return Arbitraries.oneOf(small, large);
	}

	@Provide
	Arbitrary<String> amountUnits() {
		return Arbitraries.of("元", "万元", "亿元", "万亿元", "億元", "萬元");
	}

	@Provide
	Arbitrary<Integer> decimals() {
		return Arbitraries.integers().between(0, 4);
	}

	@Provide
	Arbitrary<PhraseStyle> amountStyles() {
		return Combinators
			.combine(Arbitraries.of(PhraseKind.class), amountUnits(), decimals(), Arbitraries.integers().between(1, 5))
			.as((kind, unit, decimals, significant) -> new PhraseStyle(kind, unit, decimals, significant, null));
	}

	@Provide
	Arbitrary<PhraseStyle> countStyles() {
		return Combinators
			.combine(Arbitraries.of(PhraseKind.class), Arbitraries.of("", "万", "亿"), decimals(),
					Arbitraries.integers().between(1, 5), Arbitraries.of("个", "项", "所", "家", "人次", "名", "個"))
			.as((kind, magnitude, decimals, significant, word) -> new PhraseStyle(kind,
					magnitude.isEmpty() ? null : magnitude, decimals, significant, word));
	}

}
