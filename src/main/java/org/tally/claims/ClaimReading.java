package org.tally.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.tally.figures.FigureUnit;

/**
 * Reads what one figure phrase claims, from the words before it: a change (较6月底增加, 比上半年多,
 * 同比增长), a rate (62%, 六成, 过半), an average (平均每个项目), a multiple (是…的5.5倍), or else a
 * level; and computes it from the verified figures of the claim's period.
 */
final class ClaimReading {

	private static final List<String> UP = List.of("增加", "增长", "新增", "提高", "上升", "净增", "多", "增");

	private static final List<String> DOWN = List.of("减少", "下降", "降低", "回落", "少", "减");

	private final Figures figures;

	ClaimReading(Figures figures) {
		this.figures = figures;
	}

	ClaimVerdict judge(Sentence sentence, String masked, PhraseSpans.Phrase phrase, LocalDate period) {
		String text = sentence.text();
		String before = text.substring(sentence.clauseStart(phrase.start()), phrase.start());
		String verb = verb(before);
		FigureUnit unit = phrase.range().unit();
		if (!verb.isEmpty()) {
			int start = phrase.start() - verb.length() - (before.endsWith("了") ? 1 : 0);
			Wording.Said said = new Wording.Said(sentence, start, phrase.end(), text.substring(start, phrase.end()),
					phrase.range(), ClaimKind.CHANGE, period);
			return change(said, masked, before, UP.contains(verb) ? 1 : -1, verb);
		}
		ClaimKind kind = unit == FigureUnit.MULTIPLE ? ClaimKind.MULTIPLE : unit == FigureUnit.PERCENT ? ClaimKind.RATE
				: before.contains("平均") || before.contains("每个") ? ClaimKind.AVERAGE : ClaimKind.LEVEL;
		Wording.Said said = new Wording.Said(sentence, phrase.start(), phrase.end(), phrase.range().phrase(),
				phrase.range(), kind, period);
		RatioClaims ratios = new RatioClaims(figures);
		return switch (kind) {
			case MULTIPLE -> ratios.multiple(said, masked);
			case RATE -> ratios.rate(said, masked, before);
			case AVERAGE -> ratios.average(said, masked);
			default -> level(said, masked);
		};
	}

	private static String verb(String before) {
		String s = before.endsWith("了") ? before.substring(0, before.length() - 1) : before;
		for (List<String> verbs : List.of(UP, DOWN)) {
			for (String verb : verbs) {
				if (s.endsWith(verb)) {
					return verb;
				}
			}
		}
		return "";
	}

	private ClaimVerdict level(Wording.Said said, String masked) {
		FigureMatcher.Match match = FigureMatcher.match(said.sentence(), masked, said.start(), said.end(),
				figures.published(said.range().unit()));
		Optional<ClaimVerdict> unclear = unclear(said, match);
		if (unclear.isPresent()) {
			return unclear.get();
		}
		String id = match.best().get(0).id();
		Optional<BigDecimal> value = figures.value(id, said.period());
		if (value.isEmpty()) {
			return noValue(said, id, said.period());
		}
		return Wording.judged(said,
				new Wording.Computed(id, value.get(), figures.label(id) + "（" + periodText(said.period()) + "）", "",
						null, id + "（" + periodText(said.period()) + "）"));
	}

	private ClaimVerdict change(Wording.Said said, String masked, String before, int direction, String verb) {
		FigureUnit unit = said.range().unit();
		List<FigureMatcher.Target> targets = unit == FigureUnit.PERCENT
				? figures.published(FigureUnit.CNY, FigureUnit.COUNT) : figures.published(unit);
		FigureMatcher.Match match = FigureMatcher.match(said.sentence(), masked, said.start(), said.end(), targets);
		Optional<ClaimVerdict> unclear = unclear(said, match);
		if (unclear.isPresent()) {
			return unclear.get();
		}
		String id = match.best().get(0).id();
		Optional<PeriodWords.Base> base = PeriodWords.base(before, current(said.period()), figures.periods());
		if (base.isEmpty()) {
			return Wording.unverifiable(said, id, "没有说明与哪个时期相比", "no period named to compare with", List.of());
		}
		if (base.get().date().isEmpty()) {
			return Wording.unverifiable(said, id, "“" + base.get().words() + "”无法对应到报告期",
					"\"" + base.get().words() + "\" names no reporting period that can be resolved", List.of());
		}
		LocalDate from = base.get().date().get();
		Optional<BigDecimal> now = figures.value(id, said.period());
		Optional<BigDecimal> then = figures.value(id, from);
		if (now.isEmpty()) {
			return noValue(said, id, said.period());
		}
		if (then.isEmpty()) {
			return noValue(said, id, from);
		}
		FigureUnit figureUnit = figures.unit(id);
		BigDecimal a = direction > 0 ? now.get() : then.get();
		BigDecimal b = direction > 0 ? then.get() : now.get();
		String nowText = Wording.figure(now.get(), figureUnit);
		String thenText = Wording.figure(then.get(), figureUnit) + "（" + from + "）";
		String difference = direction > 0 ? nowText + " − " + thenText : thenText + " − " + nowText;
		if (unit == FigureUnit.PERCENT) {
			if (then.get().signum() == 0) {
				return Wording.unverifiable(said, id, from + "的数值为零，无法计算增幅", "the value of " + from + " is zero",
						List.of());
			}
			BigDecimal rate = Figures.divide(a.subtract(b), then.get()).movePointRight(2);
			return Wording.judged(said, new Wording.Computed(id, rate,
					"（" + difference + "）÷ " + Wording.figure(then.get(), figureUnit), verb));
		}
		// The line shows the difference of the values as shown, so that it adds up; the
		// verdict is on the exact difference.
		BigDecimal shownA = new BigDecimal(Wording.figure(a, figureUnit).replaceAll("[^0-9.\\-]", ""));
		BigDecimal shownB = new BigDecimal(Wording.figure(b, figureUnit).replaceAll("[^0-9.\\-]", ""));
		String unitWord = Wording.figure(a, figureUnit).replaceAll("[0-9.\\-]", "");
		String shown = figureUnit == FigureUnit.CNY
				&& Wording.figure(b, figureUnit).replaceAll("[0-9.\\-]", "").equals(unitWord)
						? shownA.subtract(shownB).toPlainString() + unitWord : null;
		return Wording.judged(said, new Wording.Computed(id, a.subtract(b), difference, verb, shown));
	}

	/** The claim's period, or the current one when the facts state none. */
	private LocalDate current(LocalDate period) {
		return period != null ? period : figures.current();
	}

	static String periodText(LocalDate period) {
		return period == null ? "当前 current" : period.toString();
	}

	static ClaimVerdict noValue(Wording.Said said, String id, LocalDate period) {
		return Wording.unverifiable(said, id, id + "在" + periodText(period) + "没有核定数据",
				"no verified figure " + id + " for " + periodText(period), List.of());
	}

	/** An unverifiable verdict when no figure, or more than one, fits the claim. */
	static Optional<ClaimVerdict> unclear(Wording.Said said, FigureMatcher.Match match) {
		if (match.best().isEmpty()) {
			return Optional.of(Wording.unverifiable(said, null, "文中没有与之对应的核定指标",
					"no verified figure matches the words around it", List.of()));
		}
		if (!match.clear()) {
			List<String> candidates = match.best().stream().map(FigureMatcher.Target::id).toList();
			return Optional.of(Wording.unverifiable(said, null, "指标不明确，候选：" + String.join("、", candidates),
					"ambiguous, candidates: " + String.join(", ", candidates), candidates));
		}
		return Optional.empty();
	}

}
