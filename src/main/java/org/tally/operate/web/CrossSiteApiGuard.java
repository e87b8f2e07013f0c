package org.tally.operate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403) a state-changing API request that a browser says comes from another site:
 * an `Origin` that is not this server's, or a `Sec-Fetch-Site` other than same-origin.
 * Basic credentials a browser has cached would otherwise ride along on a cross-site form
 * post; scripts and the CLI send neither header and pass.
 */
class CrossSiteApiGuard extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site API requests are refused");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean crossSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && !site.equals("same-origin") && !site.equals("none")) {
			return true;
		}
		String origin = request.getHeader("Origin");
		return origin != null && !sameOrigin(origin, request);
	}

	private static boolean sameOrigin(String origin, HttpServletRequest request) {
		URI uri;
		try {
			uri = URI.create(origin);
		}
		catch (IllegalArgumentException ex) {
			return false; // "null" (sandboxed frames, file: pages) and garbage alike
		}
		if (uri.getScheme() == null || uri.getHost() == null) {
			return false;
		}
		return uri.getScheme().equalsIgnoreCase(request.getScheme())
				&& uri.getHost().equalsIgnoreCase(request.getServerName())
				&& port(uri.getPort(), uri.getScheme()) == port(request.getServerPort(), request.getScheme());
	}

	private static int port(int port, String scheme) {
		if (port > 0) {
			return port;
		}
		return "https".equalsIgnoreCase(scheme) ? 443 : 80;
	}

}
