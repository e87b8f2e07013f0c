package org.tally.operate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tally.operate.accounts.Accounts;

/**
 * Signs in an API request that carries `Authorization: Bearer tally_…` as the token's
 * user; an unknown or revoked token is answered 401 at once. Requests without a bearer
 * token, or signed in already (by the metrics' scrape token), go on.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final Accounts accounts;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiTokenFilter(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		// already signed in by the scrape token, on the metrics' chain
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				|| contexts.getContext().getAuthentication() != null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<UserDetails> user = accounts.userForToken(header.substring(BEARER.length()).trim());
		if (user.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"tally\", error=\"invalid_token\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "unknown or revoked API token");
			return;
		}
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
		contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			contexts.clearContext();
		}
	}

}
