package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Given the scrape token, the filter signs in exactly the requests that bear it, as a
 * principal that may read the metrics only; a token too short to be a random secret stops
 * the start-up.
 */
class ScrapeTokenFilterTest {

	private static final String TOKEN = "0123456789abcdef0123456789abcdef";

	@Test
	void givenTheBearerToken_theRequestGoesOnSignedInAsTheScraper() throws Exception {
		Authentication seen = filtered(new ScrapeTokenFilter(TOKEN), "Bearer " + TOKEN);

		assertThat(seen.getName()).isEqualTo("scraper");
		assertThat(seen.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_" + ScrapeTokenFilter.SCRAPER);
		assertThat(SecurityContextHolder.getContext().getAuthentication()).as("cleared after").isNull();
	}

	@Test
	void givenAnotherTokenOrNone_theRequestGoesOnUnsignedForTheNextFilters() throws Exception {
		ScrapeTokenFilter filter = new ScrapeTokenFilter(TOKEN);

		assertThat(filtered(filter, "Bearer " + TOKEN + "0")).isNull();
		assertThat(filtered(filter, "Bearer " + TOKEN.substring(1))).isNull();
		assertThat(filtered(filter, "Basic b3BlcmF0b3I6b3BlcmF0b3I=")).isNull();
		assertThat(filtered(filter, null)).isNull();
		assertThat(filtered(new ScrapeTokenFilter(""), "Bearer ")).as("no token configured").isNull();
	}

	@Test
	void givenATokenShorterThan32Characters_theServerRefusesToStart() {
		assertThatThrownBy(() -> new ScrapeTokenFilter("prometheus-secret"))
			.hasMessageContaining("tally.metrics.scrape-token is 17 characters long")
			.hasMessageContaining("at least 32");
	}

	/** Who the filter signed in while the rest of the chain ran (null: nobody). */
	private static Authentication filtered(ScrapeTokenFilter filter, String authorization) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		AtomicReference<Authentication> seen = new AtomicReference<>();
		filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
		return seen.get();
	}

}
