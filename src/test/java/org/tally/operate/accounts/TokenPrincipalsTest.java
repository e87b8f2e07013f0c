package org.tally.operate.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Given the users of API tokens kept in memory: an entry lives for its time to live and
 * no longer, a change forgets every entry, and a user read before a change is not kept
 * even when it is put after it.
 */
class TokenPrincipalsTest {

	private static final UserDetails PRESS = User.withUsername("newsroom").password("-").roles("PRESS").build();

	private final AtomicLong nanos = new AtomicLong(1_000);

	private final TokenPrincipals cache = new TokenPrincipals(Duration.ofSeconds(5), nanos::get);

	@Test
	void givenAnAcceptedToken_itsUserIsKeptForTheTimeToLiveOnly() {
		cache.put("digest", PRESS, cache.epoch());

		nanos.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
		assertThat(cache.get("digest")).contains(PRESS);
		nanos.addAndGet(1);
		assertThat(cache.get("digest")).isEmpty();
	}

	@Test
	void givenARevocationInThisProcess_everyKeptUserIsForgotten() {
		cache.put("digest", PRESS, cache.epoch());

		cache.forgetAll();

		assertThat(cache.get("digest")).isEmpty();
	}

	@Test
	void givenAUserReadBeforeARevocationAndPutAfterIt_itIsNotTrusted() {
		long readIn = cache.epoch();
		cache.forgetAll();

		cache.put("digest", PRESS, readIn);

		assertThat(cache.get("digest")).isEmpty();
	}

	@Test
	void givenNoTimeToLive_nothingIsKept() {
		TokenPrincipals off = new TokenPrincipals(Duration.ZERO, nanos::get);

		off.put("digest", PRESS, off.epoch());

		assertThat(off.get("digest")).isEmpty();
	}

}
