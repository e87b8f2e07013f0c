package org.tally.operate.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tally.operate.Operations;

/**
 * The console's audit area: who did what, newest first.
 */
@Controller
class AuditController {

	private final Operations operations;

	AuditController(Operations operations) {
		this.operations = operations;
	}

	@GetMapping("/audit")
	String audit(Model model) {
		model.addAttribute("entries", operations.audit(200));
		model.addAttribute("page", "audit");
		return "audit";
	}

}
