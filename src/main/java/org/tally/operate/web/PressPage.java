package org.tally.operate.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tally.figures.FigureValue;
import org.tally.figures.FigureVersion;
import org.tally.figures.PerSnapshot;
import org.tally.figures.PressFigures;
import org.tally.figures.PressSnapshot;
import org.tally.operate.web.PressController.PressFigure;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * What the press page shows of the figures (each with its previous verified version, and
 * the investment chart), read once per generation of the published figures: everything on
 * it derives from verified versions, which only a publish changes.
 */
@Component
class PressPage {

	/**
	 * The page's figures, their latest as-of date and the charts, for one generation,
	 * with the HTML of both as the page shows them.
	 */
	record Content(String generation, List<PressFigure> figures, LocalDate asOf,
			List<InvestmentChart.PeriodChart> charts, String html) {
	}

	/** Figures and charts are the same for every reader: rendered once per generation. */
	private static final TemplateSpec SECTION = new TemplateSpec("press-figures", Set.of("section"), TemplateMode.HTML,
			null);

	private final PressFigures press;

	private final InvestmentChart chart;

	private final ObjectProvider<ITemplateEngine> templates;

	private final PerSnapshot<Content> content = new PerSnapshot<>(this::read);

	/** {@code templates}: absent where the application runs without the web. */
	PressPage(PressFigures press, InvestmentChart chart, ObjectProvider<ITemplateEngine> templates) {
		this.press = press;
		this.chart = chart;
		this.templates = templates;
	}

	Content current() {
		return content.of(press.pressSnapshot());
	}

	private Content read(PressSnapshot snapshot) {
		List<PressFigure> figures = new ArrayList<>();
		for (FigureValue figure : snapshot.figures()) {
			figures.add(withPrevious(figure));
		}
		List<InvestmentChart.PeriodChart> charts = List.copyOf(chart.charts());
		Content read = new Content(snapshot.generation(), List.copyOf(figures), press.pressAsOf(snapshot.figures()),
				charts, html(figures, charts));
		return read;
	}

	private String html(List<PressFigure> figures, List<InvestmentChart.PeriodChart> charts) {
		ITemplateEngine engine = templates.getIfAvailable();
		if (engine == null) {
			return "";
		}
		Context context = new Context(Locale.ROOT, Map.of("figures", figures, "charts", charts));
		return engine.process(SECTION, context);
	}

	/**
	 * Only verified versions count: the press never learns of an unverified one, not even
	 * as "previous".
	 */
	private PressFigure withPrevious(FigureValue figure) {
		List<FigureVersion> verified = press.verifiedHistory(figure.id(), null);
		Optional<FigureValue> previous = Optional.empty();
		for (FigureVersion version : verified) {
			FigureValue value = version.figure();
			if (value.asOf().equals(figure.asOf()) && value.version() == figure.version()) {
				break;
			}
			previous = Optional.of(value);
		}
		List<String> changes = new ArrayList<>();
		if (previous.isEmpty()) {
			changes.add("首次发布 · first verified version");
		}
		else {
			FigureValue before = previous.get();
			boolean same = before.value() != null && figure.value() != null
					&& before.value().compareTo(figure.value()) == 0;
			changes.add(same ? "数值未变 · value unchanged since " + before.asOf()
					: "由 " + before.display() + "（" + before.asOf() + "）变为 " + figure.display() + " · changed from "
							+ before.display() + " as of " + before.asOf());
		}
		return new PressFigure(figure, previous.orElse(null), changes);
	}

}
