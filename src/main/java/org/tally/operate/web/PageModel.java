package org.tally.operate.web;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's header needs: who is signed in and whether the operator's menu is
 * shown.
 */
@ControllerAdvice(assignableTypes = { RunsController.class, FilesController.class, FiguresPageController.class,
		AuditController.class, PressController.class })
class PageModel {

	@ModelAttribute("user")
	String user(Principal principal) {
		return principal == null ? null : principal.getName();
	}

	@ModelAttribute("operator")
	boolean operator(Authentication authentication) {
		return SecurityConfiguration.isOperator(authentication);
	}

}
