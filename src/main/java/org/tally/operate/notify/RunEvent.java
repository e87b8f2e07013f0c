package org.tally.operate.notify;

import java.time.OffsetDateTime;
import java.util.Locale;

/** Something about a run an operator should hear of without watching the console. */
record RunEvent(Type type, long runId, String message, String link, OffsetDateTime occurredAt) {

	/** The kinds of events notified; their JSON names are lower-case. */
	enum Type {

		/**
		 * The run ended FAILED: nothing of it was promoted or published past the failing
		 * step.
		 */
		RUN_FAILED,
		/** A file could not be read (or had no reporting period) and was set aside. */
		FILE_QUARANTINED,
		/**
		 * A figure verified in its previous version is unverified in this run's version.
		 */
		FIGURE_UNVERIFIED,
		/** A scheduled backup failed (its run id is 0: it belongs to no run). */
		BACKUP_FAILED;

		String json() {
			return name().toLowerCase(Locale.ROOT);
		}

	}
}
