package org.tally.operate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a monitoring system read `/actuator/prometheus` with `Authorization: Bearer` and
 * the scrape token of tally.metrics.scrape-token, as the principal "scraper" that may
 * read the metrics and nothing else. The tokens are compared as SHA-256 digests in
 * constant time, so neither the time of a refusal nor the token's length tells how much
 * of a guess was right. Any other bearer token goes on to the API-token filter.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

	/** The role of the scrape token's principal; no user can be given it. */
	static final String SCRAPER = "METRICS_SCRAPER";

	/**
	 * Shorter than this, a token is a password someone chose, not a random secret: the
	 * server refuses to start with it.
	 */
	static final int MIN_LENGTH = 32;

	private static final String BEARER = "Bearer ";

	private final byte[] digest;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	/** {@code token} blank: no scrape token, only operators read the metrics. */
	ScrapeTokenFilter(String token) {
		if (token != null && !token.isBlank() && token.strip().length() < MIN_LENGTH) {
			throw new IllegalStateException("tally.metrics.scrape-token is " + token.strip().length()
					+ " characters long; use a random secret of at least " + MIN_LENGTH
					+ " (e.g. openssl rand -hex 32)");
		}
		this.digest = token == null || token.isBlank() ? null : sha256(token.strip());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (digest == null || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				|| !MessageDigest.isEqual(digest, sha256(header.substring(BEARER.length()).strip()))) {
			chain.doFilter(request, response);
			return;
		}
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("scraper", null,
				List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER))));
		contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			contexts.clearContext();
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
