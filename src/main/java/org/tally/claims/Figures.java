package org.tally.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.tally.catalog.DerivedFigure;
import org.tally.figures.FigureUnit;

/**
 * The figures a checker judges by, published and derived, with their verified values per
 * period: a derived rate or average is computed from the verified values of its two
 * figures for the same period, never from an unverified one.
 */
final class Figures {

	private static final int SCALE = 10;

	private final Map<String, FigureFact> facts = new LinkedHashMap<>();

	private final Map<String, DerivedFigure> derived = new LinkedHashMap<>();

	private final List<FigureMatcher.Target> targets = new ArrayList<>();

	private final LocalDate current;

	private final List<LocalDate> periods;

	Figures(List<FigureFact> figures, List<DerivedFigure> derivedFigures, TextCleaner cleaner) {
		TreeSet<LocalDate> known = new TreeSet<>();
		LocalDate latest = null;
		for (FigureFact fact : figures) {
			facts.put(fact.id(), fact);
			targets.add(target(fact.id(), fact.label(), fact.aliases(), cleaner));
			known.addAll(fact.verifiedByPeriod().keySet());
			if (fact.asOf() != null && (latest == null || fact.asOf().isAfter(latest))) {
				latest = fact.asOf();
			}
		}
		for (DerivedFigure figure : derivedFigures) {
			if (facts.containsKey(figure.numerator()) && facts.containsKey(figure.denominator())) {
				derived.put(figure.id(), figure);
				targets.add(target(figure.id(), figure.label(), figure.words(), cleaner));
			}
		}
		this.current = latest;
		this.periods = List.copyOf(known);
	}

	private static FigureMatcher.Target target(String id, String label, List<String> words, TextCleaner cleaner) {
		List<String> terms = new ArrayList<>();
		words.forEach(w -> terms.add(cleaner.clean(w.strip())));
		if (label != null && !label.isBlank()) {
			terms.add(cleaner.clean(label.strip()));
		}
		return new FigureMatcher.Target(id, label, List.copyOf(terms));
	}

	/** The period the figures are verified for (null for facts of no stated date). */
	LocalDate current() {
		return current;
	}

	/** Every period some figure has a verified value for, oldest first. */
	List<LocalDate> periods() {
		return periods;
	}

	/** Published figures of a unit. */
	List<FigureMatcher.Target> published(FigureUnit... units) {
		List<FigureUnit> wanted = List.of(units);
		return targets.stream()
			.filter(t -> facts.containsKey(t.id()) && wanted.contains(facts.get(t.id()).unit()))
			.toList();
	}

	/** Derived figures of a kind whose value has the unit. */
	List<FigureMatcher.Target> derived(DerivedFigure.Kind kind, FigureUnit unit) {
		return targets.stream()
			.filter(t -> derived.containsKey(t.id()) && derived.get(t.id()).kind() == kind && unit(t.id()) == unit)
			.toList();
	}

	/** The derived rates whose numerator is the figure. */
	List<FigureMatcher.Target> ratesOf(String figureId) {
		return targets.stream()
			.filter(t -> derived.containsKey(t.id()) && derived.get(t.id()).kind() == DerivedFigure.Kind.RATE
					&& derived.get(t.id()).numerator().equals(figureId))
			.toList();
	}

	FigureUnit unit(String id) {
		DerivedFigure d = derived.get(id);
		if (d == null) {
			return facts.get(id).unit();
		}
		return d.kind() == DerivedFigure.Kind.RATE ? FigureUnit.PERCENT : facts.get(d.numerator()).unit();
	}

	String label(String id) {
		DerivedFigure d = derived.get(id);
		return d != null ? d.label() : facts.get(id).label();
	}

	/** The two figures a derived one divides, or empty for a published figure. */
	Optional<DerivedFigure> definition(String id) {
		return Optional.ofNullable(derived.get(id));
	}

	/** The verified value for a period (null: the current one). */
	Optional<BigDecimal> value(String id, LocalDate period) {
		DerivedFigure d = derived.get(id);
		if (d == null) {
			FigureFact fact = facts.get(id);
			return fact == null ? Optional.empty() : fact.verifiedAt(period);
		}
		Optional<BigDecimal> n = value(d.numerator(), period);
		Optional<BigDecimal> m = value(d.denominator(), period);
		if (n.isEmpty() || m.isEmpty() || m.get().signum() == 0) {
			return Optional.empty();
		}
		BigDecimal ratio = n.get().divide(m.get(), SCALE, RoundingMode.HALF_UP);
		return Optional.of(d.kind() == DerivedFigure.Kind.RATE ? ratio.movePointRight(2) : ratio);
	}

	static BigDecimal divide(BigDecimal a, BigDecimal b) {
		return a.divide(b, SCALE, RoundingMode.HALF_UP);
	}

}
