package org.tally.operate.accounts;

import java.time.Instant;

/**
 * A web account as `tally users list` shows it: where it is kept (database or
 * configuration), its role, whether it may sign in, and until when it is locked.
 */
public record Account(String name, String role, String source, boolean enabled, Instant lockedUntil) {

	/** Kept in the database: `tally users` manages it. */
	public static final String DATABASE = "database";

	/** Configured in YAML (tally.security.users): changed there, not by `tally users`. */
	public static final String CONFIGURATION = "configuration";

}
