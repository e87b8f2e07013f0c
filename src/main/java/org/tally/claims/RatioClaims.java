package org.tally.claims;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.tally.catalog.DerivedFigure;
import org.tally.figures.FigureUnit;

/**
 * Claims that divide one figure by another: a rate or share (开工率62%, 占…的六成, 过半), an
 * average (平均每个项目约4.3亿元) and a multiple (是…的5.5倍), each computed from the verified values
 * of one period.
 */
final class RatioClaims {

	private final Figures figures;

	RatioClaims(Figures figures) {
		this.figures = figures;
	}

	/**
	 * 占 names both figures (开工项目占合作项目的62%); else a declared rate is named (开工率), or the
	 * figure it is a rate of (六成项目已开工).
	 */
	ClaimVerdict rate(Wording.Said said, String masked, String before) {
		int zhan = before.lastIndexOf('占');
		Sentence sentence = said.sentence();
		if (zhan >= 0) {
			int at = sentence.clauseStart(said.start()) + zhan;
			List<FigureMatcher.Target> all = figures.published(FigureUnit.CNY, FigureUnit.COUNT);
			FigureMatcher.Match part = FigureMatcher.match(sentence, only(masked, 0, at), at, at, all);
			FigureMatcher.Match whole = FigureMatcher.match(sentence, only(masked, at + 1, said.start()), said.start(),
					said.start(), all);
			return divided(said, part, whole, true);
		}
		FigureMatcher.Match match = FigureMatcher.match(sentence, masked, said.start(), said.end(),
				figures.derived(DerivedFigure.Kind.RATE, FigureUnit.PERCENT));
		if (match.best().isEmpty()) {
			FigureMatcher.Match of = FigureMatcher.match(sentence, masked, said.start(), said.end(),
					figures.published(FigureUnit.CNY, FigureUnit.COUNT));
			if (of.clear() && figures.ratesOf(of.best().get(0).id()).size() == 1) {
				match = new FigureMatcher.Match(figures.ratesOf(of.best().get(0).id()));
			}
		}
		return derived(said, match);
	}

	ClaimVerdict average(Wording.Said said, String masked) {
		FigureMatcher.Match match = FigureMatcher.match(said.sentence(), masked, said.start(), said.end(),
				figures.derived(DerivedFigure.Kind.AVERAGE, said.range().unit()));
		return derived(said, match);
	}

	/** A 是 B 的 N倍: A before 是, B between 是 and 的. */
	ClaimVerdict multiple(Wording.Said said, String masked) {
		Sentence sentence = said.sentence();
		String text = sentence.text();
		int clause = sentence.clauseStart(said.start());
		int is = Math.max(text.lastIndexOf('是', said.start()), text.lastIndexOf("相当于", said.start()));
		int of = text.lastIndexOf('的', said.start());
		if (is < clause || of < is) {
			return Wording.unverifiable(said, null, "没有写明是哪两个指标之比（“是…的…倍”）", "names no two figures (A 是 B 的 N倍)",
					List.of());
		}
		List<FigureMatcher.Target> all = figures.published(FigureUnit.CNY, FigureUnit.COUNT);
		FigureMatcher.Match part = FigureMatcher.match(sentence, only(masked, 0, is), is, is, all);
		FigureMatcher.Match whole = FigureMatcher.match(sentence, only(masked, is + 1, of), of, of, all);
		return divided(said, part, whole, false);
	}

	/** The text with everything outside [from, to) blanked, positions kept. */
	private static String only(String masked, int from, int to) {
		StringBuilder kept = new StringBuilder(masked.length());
		for (int i = 0; i < masked.length(); i++) {
			kept.append(i >= from && i < to ? masked.charAt(i) : '\u0000');
		}
		return kept.toString();
	}

	private ClaimVerdict divided(Wording.Said said, FigureMatcher.Match part, FigureMatcher.Match whole,
			boolean percent) {
		Optional<ClaimVerdict> unclear = ClaimReading.unclear(said, part).or(() -> ClaimReading.unclear(said, whole));
		if (unclear.isPresent()) {
			return unclear.get();
		}
		String a = part.best().get(0).id();
		String b = whole.best().get(0).id();
		if (a.equals(b)) {
			return Wording.unverifiable(said, a, "两处指向同一指标 " + a, "both sides name the same figure " + a, List.of());
		}
		Optional<BigDecimal> x = figures.value(a, said.period());
		Optional<BigDecimal> y = figures.value(b, said.period());
		if (x.isEmpty() || y.isEmpty()) {
			return ClaimReading.noValue(said, x.isEmpty() ? a : b, said.period());
		}
		if (y.get().signum() == 0) {
			return Wording.unverifiable(said, b, b + "为零", b + " is zero", List.of());
		}
		BigDecimal ratio = Figures.divide(x.get(), y.get());
		return Wording.judged(said, new Wording.Computed(a + "/" + b, percent ? ratio.movePointRight(2) : ratio,
				computation(x.get(), figures.unit(a), y.get(), figures.unit(b), said), ""));
	}

	private ClaimVerdict derived(Wording.Said said, FigureMatcher.Match match) {
		Optional<ClaimVerdict> unclear = ClaimReading.unclear(said, match);
		if (unclear.isPresent()) {
			return unclear.get();
		}
		String id = match.best().get(0).id();
		DerivedFigure definition = figures.definition(id).orElseThrow();
		Optional<BigDecimal> n = figures.value(definition.numerator(), said.period());
		Optional<BigDecimal> d = figures.value(definition.denominator(), said.period());
		Optional<BigDecimal> value = figures.value(id, said.period());
		if (n.isEmpty() || d.isEmpty() || value.isEmpty()) {
			return ClaimReading.noValue(said, n.isEmpty() ? definition.numerator() : definition.denominator(),
					said.period());
		}
		String division = computation(n.get(), figures.unit(definition.numerator()), d.get(),
				figures.unit(definition.denominator()), said);
		return Wording.judged(said, new Wording.Computed(id, value.get(), definition.label() + "：" + division, "", null,
				id + "：" + division));
	}

	private static String computation(BigDecimal x, FigureUnit xUnit, BigDecimal y, FigureUnit yUnit,
			Wording.Said said) {
		return Wording.figure(x, xUnit) + " ÷ " + Wording.figure(y, yUnit) + "（"
				+ ClaimReading.periodText(said.period()) + "）";
	}

}
