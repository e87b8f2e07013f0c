package org.tally.operate.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tally.figures.FigurePublisher;
import org.tally.operate.Operations;
import org.tally.pipeline.RunRefusedException;

/** The minimal pages: the operator's run list with "Run now", and the press page of verified figures. */
@Controller
class ConsoleController {

	private final Operations operations;
	private final FigurePublisher figures;

	ConsoleController(Operations operations, FigurePublisher figures) {
		this.operations = operations;
		this.figures = figures;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		boolean operator = authentication.getAuthorities().stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_" + SecurityConfiguration.OPERATOR));
		if (!operator) {
			return "redirect:/press";
		}
		model.addAttribute("runs", operations.runs(30));
		model.addAttribute("schedules", operations.schedules());
		return "console";
	}

	@PostMapping("/runs")
	String runNow(Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			var submission = operations.submitRunNow(null, ApiController.actor(principal, request));
			redirect.addFlashAttribute("message", "Run " + submission.runId() + " started (" + submission.trigger() + ")");
		}
		catch (RunRefusedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/";
	}

	@GetMapping("/press")
	String press(Model model) {
		model.addAttribute("figures", figures.latest(null).stream().filter(f -> f.verified()).toList());
		return "press";
	}
}
