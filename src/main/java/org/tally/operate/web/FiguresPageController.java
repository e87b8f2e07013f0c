package org.tally.operate.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureVersion;
import org.tally.figures.PressFigures;
import org.tally.reconcile.Reconciler;

/**
 * The console's checks and figures area: the latest check results, every figure with its
 * status, and a figure's history.
 */
@Controller
class FiguresPageController {

	private final FigurePublisher figures;

	private final PressFigures pressFigures;

	private final Reconciler reconciler;

	FiguresPageController(FigurePublisher figures, PressFigures pressFigures, Reconciler reconciler) {
		this.figures = figures;
		this.pressFigures = pressFigures;
		this.reconciler = reconciler;
	}

	@GetMapping("/checks")
	String checks(Model model) {
		model.addAttribute("checks", reconciler.latest(null));
		model.addAttribute("checkRun", reconciler.latestRun(null).orElse(null));
		model.addAttribute("page", "checks");
		return "checks";
	}

	@GetMapping("/figures")
	String figures(Model model) {
		model.addAttribute("figures", figures.latest(null));
		model.addAttribute("page", "figures");
		return "figures";
	}

	@GetMapping("/figures/{figureId}")
	String figure(@PathVariable String figureId, Model model) {
		List<FigureVersion> history = new ArrayList<>(pressFigures.history(figureId, null));
		Collections.reverse(history); // newest first
		if (history.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no figure " + figureId);
		}
		model.addAttribute("figureId", figureId);
		model.addAttribute("history", history);
		model.addAttribute("page", "figures");
		return "figure";
	}

}
