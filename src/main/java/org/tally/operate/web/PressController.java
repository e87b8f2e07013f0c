package org.tally.operate.web;

import java.util.List;
import java.util.Map;
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

	private final PressPage page;

	PressController(PressFigures press, PressFacts facts, PressPage page) {
		this.press = press;
		this.facts = facts;
		this.page = page;
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
		PressPage.Content content = page.current();
		model.addAttribute("figures", content.figures());
		model.addAttribute("asOf", content.asOf());
		model.addAttribute("charts", content.charts());
		model.addAttribute("figuresHtml", content.html());
		model.addAttribute("page", "press");
	}

}
