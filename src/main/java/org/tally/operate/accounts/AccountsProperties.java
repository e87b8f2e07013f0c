package org.tally.operate.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in lockout (tally.security.lockout): after max-failures wrong passwords in a row
 * an account is locked for the duration, whatever the next password is.
 */
@ConfigurationProperties("tally.security.lockout")
record AccountsProperties(Integer maxFailures, Duration duration) {

	AccountsProperties {
		maxFailures = maxFailures == null ? 5 : maxFailures;
		duration = duration == null ? Duration.ofMinutes(15) : duration;
		if (maxFailures < 1) {
			throw new IllegalArgumentException("tally.security.lockout.max-failures must be at least 1");
		}
	}

}
