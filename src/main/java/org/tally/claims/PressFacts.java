package org.tally.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.DerivedFigure;
import org.tally.catalog.FigureDefinition;
import org.tally.figures.FigureUnit;
import org.tally.figures.FigureValue;
import org.tally.figures.FigureVersion;
import org.tally.figures.PressFigures;
import org.tally.figures.PerSnapshot;

/**
 * The facts a press text is checked against: the press view's figures verified for its
 * latest as-of date, with the aliases figures.yml gives them, each with its verified
 * values of earlier periods (for change claims) and the derived rates and averages. A
 * figure verified only for an earlier period is offered unverified for the current one,
 * so claims about it are reported as unverifiable rather than judged on old data. An
 * unverified version is never read, of any period.
 */
@Component
public class PressFacts {

	private final PressFigures press;

	private final Catalog catalog;

	/** The facts change only with the press snapshot. */
	private final PerSnapshot<Facts> held = new PerSnapshot<>(snapshot -> read(snapshot.figures()));

	PressFacts(PressFigures press, Catalog catalog) {
		this.press = press;
		this.catalog = catalog;
	}

	/**
	 * The facts and the as-of date they hold for (null when nothing was ever verified),
	 * read once per snapshot of the published figures. The verified history is read after
	 * the snapshot, so it may hold a version verified since, never an unverified one; the
	 * next snapshot reads it again.
	 */
	public Facts current() {
		return held.of(press.pressSnapshot());
	}

	private Facts read(List<FigureValue> view) {
		LocalDate asOf = press.pressAsOf(view);
		Map<String, FigureValue> byId = view.stream().collect(Collectors.toMap(FigureValue::id, Function.identity()));
		List<FigureFact> facts = new ArrayList<>();
		for (FigureDefinition figure : catalog.figures()) {
			FigureValue value = byId.get(figure.id());
			boolean current = value != null && value.asOf().equals(asOf);
			facts.add(new FigureFact(figure.id(), figure.label(), figure.aliases(), current ? value.value() : null,
					FigureUnit.valueOf(figure.unit()), current, asOf, verifiedByPeriod(figure.id())));
		}
		return new Facts(asOf, facts, catalog.derived());
	}

	/**
	 * Per period, the latest verified version's value: the verified history holds no
	 * unverified version.
	 */
	private Map<LocalDate, BigDecimal> verifiedByPeriod(String figureId) {
		Map<LocalDate, BigDecimal> values = new HashMap<>();
		for (FigureVersion version : press.verifiedHistory(figureId, null)) {
			FigureValue figure = version.figure();
			if (figure.verified() && figure.value() != null) {
				values.put(figure.asOf(), figure.value());
			}
		}
		return values;
	}

	/**
	 * Figure facts for one as-of date, and the figures derived from them.
	 */
	public record Facts(LocalDate asOf, List<FigureFact> figures, List<DerivedFigure> derived) {
		public Facts {
			figures = List.copyOf(figures);
			derived = derived == null ? List.of() : List.copyOf(derived);
		}

		public Facts(LocalDate asOf, List<FigureFact> figures) {
			this(asOf, figures, List.of());
		}
	}

}
