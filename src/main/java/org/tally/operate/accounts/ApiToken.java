package org.tally.operate.accounts;

import java.time.Instant;

/** An API token as `tally tokens list` shows it; the secret itself is never kept. */
public record ApiToken(long id, String user, String label, Instant createdAt, Instant revokedAt) {

	public boolean active() {
		return revokedAt == null;
	}

}
