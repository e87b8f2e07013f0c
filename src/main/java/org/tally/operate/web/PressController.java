package org.tally.operate.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tally.claims.ClaimChecker;
import org.tally.claims.ClaimReport;
import org.tally.claims.ClaimVerdict;
import org.tally.claims.PressFacts;
import org.tally.claims.Verdict;
import org.tally.figures.FigureValue;
import org.tally.figures.FigureVersion;
import org.tally.figures.PressFigures;

/**
 * The press office's page: the latest verified figures only (never an unverified one),
 * where each comes from and what changed since its previous verified version, the
 * investment chart, and the claim checker for a draft text.
 */
@Controller
class PressController {

	/**
	 * A draft longer than this is not a press release; refuse rather than tie up the
	 * server.
	 */
	static final int MAX_TEXT = 100_000;

	private final PressFigures press;

	private final PressFacts facts;

	private final InvestmentChart chart;

	PressController(PressFigures press, PressFacts facts, InvestmentChart chart) {
		this.press = press;
		this.facts = facts;
		this.chart = chart;
	}

	/**
	 * A verified figure with its previous verified version (null for the first) and what
	 * changed.
	 */
	record PressFigure(FigureValue figure, FigureValue previous, List<String> changes) {
	}

	@GetMapping("/press")
	String press(Model model) {
		fill(model);
		return "press";
	}

	@PostMapping("/press/claims")
	String claims(@RequestParam(defaultValue = "") String text, Model model) {
		fill(model);
		model.addAttribute("text", text);
		if (text.length() > MAX_TEXT) {
			model.addAttribute("error", "稿件过长 · the text is longer than " + MAX_TEXT + " characters");
			return "press";
		}
		PressFacts.Facts current = facts.current();
		ClaimReport report = new ClaimChecker(current).report(text);
		List<ClaimVerdict> verdicts = report.claims();
		model.addAttribute("pieces", CheckedText.pieces(report));
		model.addAttribute("notClaims", report.notClaims());
		Map<Verdict, Long> counts = verdicts.stream()
			.collect(Collectors.groupingBy(ClaimVerdict::verdict, Collectors.counting()));
		model.addAttribute("verdicts", verdicts);
		model.addAttribute("factsAsOf", current.asOf());
		model.addAttribute("consistent", counts.getOrDefault(Verdict.CONSISTENT, 0L));
		model.addAttribute("contradicted", counts.getOrDefault(Verdict.CONTRADICTED, 0L));
		model.addAttribute("unverifiable", counts.getOrDefault(Verdict.UNVERIFIABLE, 0L));
		Map<String, FigureValue> byId = press.pressView()
			.stream()
			.collect(Collectors.toMap(FigureValue::id, Function.identity()));
		model.addAttribute("figureLabels", byId);
		return "press";
	}

	private void fill(Model model) {
		List<FigureValue> view = press.pressView();
		List<PressFigure> figures = new ArrayList<>();
		for (FigureValue figure : view) {
			figures.add(withPrevious(figure));
		}
		model.addAttribute("figures", figures);
		model.addAttribute("asOf", press.pressAsOf(view));
		model.addAttribute("charts", chart.charts());
		model.addAttribute("page", "press");
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
