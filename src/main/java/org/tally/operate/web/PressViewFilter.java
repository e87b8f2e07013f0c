package org.tally.operate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tally.figures.PressFigures;
import org.tally.figures.PressSnapshot;

/**
 * Answers the most asked request, a plain `GET /api/figures`, with the snapshot's written
 * JSON and its ETag (or 304) without Spring MVC's handler lookup, argument resolution and
 * content negotiation; the response is the controller's, header for header. It runs after
 * Spring Security's filter chain, which has already signed the caller in and authorized
 * the request; anything else (a query, HEAD, an Accept the controller must negotiate)
 * goes on to {@link FiguresApiController}.
 */
class PressViewFilter extends OncePerRequestFilter {

	static final String PATH = "/api/figures";

	private final PressFigures press;

	private final PressViewBody bodies;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	PressViewFilter(PressFigures press, PressViewBody bodies) {
		this.press = press;
		this.bodies = bodies;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("GET".equals(request.getMethod()) && request.getQueryString() == null
				&& PATH.equals(request.getRequestURI()) && acceptsJsonPlainly(request.getHeader(HttpHeaders.ACCEPT)));
	}

	/** No Accept, any type or JSON: the controller's negotiation would pick JSON too. */
	private static boolean acceptsJsonPlainly(String accept) {
		return accept == null || accept.equals(MediaType.ALL_VALUE) || accept.equals(MediaType.APPLICATION_JSON_VALUE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// behind the security chain a caller is always signed in by now; should this
		// filter
		// ever be ordered before it, nothing is answered here
		if (contexts.getContext().getAuthentication() == null) {
			chain.doFilter(request, response);
			return;
		}
		PressSnapshot snapshot = press.pressSnapshot();
		// the controller's own check: the same If-None-Match parsing, 304 and ETag header
		if (new ServletWebRequest(request, response).checkNotModified(snapshot.entityTag())) {
			return;
		}
		byte[] body = bodies.of(snapshot);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setHeader(HttpHeaders.ETAG, snapshot.entityTag());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
