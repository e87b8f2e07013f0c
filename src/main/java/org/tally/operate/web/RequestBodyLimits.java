package org.tally.operate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a request body over its limit before anything reads it: every body is
 * capped (claims drafts, forms, JSON), and a multipart upload may be large only from a
 * signed-in operator's session. Spring Security's CSRF check reads form parameters, and a
 * servlet container parses a whole multipart body to do so, so this runs first.
 */
class RequestBodyLimits extends OncePerRequestFilter {

	private final long bodyBytes;

	private final long anonymousMultipartBytes;

	private final long uploadBytes;

	RequestBodyLimits(long bodyBytes, long anonymousMultipartBytes, long uploadBytes) {
		this.bodyBytes = bodyBytes;
		this.anonymousMultipartBytes = anonymousMultipartBytes;
		this.uploadBytes = uploadBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limit(request);
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			tooLarge(response, limit);
			return;
		}
		HttpServletRequest limited = request;
		if (declared < 0 && limit == bodyBytes) {
			// Chunked and small by rule: read it up to the limit now, so that the answer
			// is
			// a 413 rather than whatever a reader makes of a failed stream.
			byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
			if (body.length > limit) {
				tooLarge(response, limit);
				return;
			}
			limited = new Buffered(request, body);
		}
		else if (declared < 0) {
			limited = new Limited(request, limit);
		}
		try {
			chain.doFilter(limited, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!causedByTheLimit(ex) || response.isCommitted()) {
				throw ex;
			}
			tooLarge(response, limit);
		}
	}

	private long limit(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || !type.regionMatches(true, 0, "multipart/", 0, "multipart/".length())) {
			return bodyBytes;
		}
		return operatorSession(request) ? uploadBytes : anonymousMultipartBytes;
	}

	private static boolean operatorSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		Authentication authentication = context instanceof SecurityContext security ? security.getAuthentication()
				: null;
		return authentication != null && authentication.isAuthenticated()
				&& SecurityConfiguration.isOperator(authentication);
	}

	private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
		response.setHeader("Connection", "close");
		response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
				"the request body is over its limit of " + limit + " bytes");
	}

	private static boolean causedByTheLimit(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	/** A small chunked body, read ahead and served again from memory. */
	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("a buffered body is read synchronously");
				}

			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

	/** A large chunked body (an upload) is counted as it is read. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			read += n;
			if (read > limit) {
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("the request body is over its limit of " + limit + " bytes");
		}

	}

}
