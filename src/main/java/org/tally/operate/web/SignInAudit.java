package org.tally.operate.web;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.tally.operate.Actor;
import org.tally.operate.accounts.Accounts;

/**
 * Every failed sign-in, by form or HTTP basic, is audited with its address, and wrong
 * passwords count towards the account's lockout; a right one ends the count.
 */
@Component
class SignInAudit {

	private final Accounts accounts;

	SignInAudit(Accounts accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Actor actor = actor(event.getAuthentication());
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			accounts.signInFailed(actor.name(), actor);
		}
		else {
			accounts.signInRefused(actor.name(), event.getException().getMessage(), actor);
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		accounts.signedIn(event.getAuthentication().getName());
	}

	private static Actor actor(Authentication authentication) {
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		return Actor.web(authentication.getName(), address);
	}

}
