package org.tally.reconcile.internal;

import java.time.LocalDate;
import org.tally.reconcile.CheckOutcome;

/**
 * One declared check, validated against the datasets, ready to run for any reporting
 * period.
 */
public interface Check {

	String id();

	/**
	 * Checks the current loads of {@code period}; a violation is an outcome, never an
	 * exception.
	 */
	CheckOutcome run(LocalDate period);

	/**
	 * The same, free to take its counts from a scan it shares with other checks of this
	 * reconcile call.
	 */
	default CheckOutcome run(LocalDate period, SharedScans scans) {
		return run(period);
	}

}
