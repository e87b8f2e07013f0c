package org.tally.ingest;

import java.util.Locale;

/** What became of a file seen in the inbox. */
public enum LoadStatus {

	/** Registered by the gather step, not read yet. */
	PENDING,
	/** Read into staging; waiting for promotion. */
	STAGED,
	/** Promoted to the warehouse (the current load of its source and period, or was). */
	LOADED,
	/** Was current, then a corrected file for the same source and period replaced it. */
	SUPERSEDED,
	/** Same content (sha256) as a file already loaded: nothing read twice. */
	DUPLICATE,
	/** Not a readable sheet of this source: broken, hostile, no header, no period. */
	QUARANTINED,
	/** Readable, but too many rows failed validation: the previous load stays current. */
	REJECTED,
	/** Left unfinished by a failed run and taken over by a later one. */
	ABANDONED;

	public String sql() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static LoadStatus fromSql(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
