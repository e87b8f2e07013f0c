package org.tally.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The result of one check for one period: both sides, the difference and the cells that show it. */
public record CheckOutcome(String checkId, String type, String severity, LocalDate asOf, boolean passed,
		BigDecimal expected, BigDecimal actual, BigDecimal difference, String message, List<Evidence> evidence) {

	/** A cell that takes part in a failed comparison. */
	public record Evidence(String file, String sheet, String cell, String column, BigDecimal expected,
			BigDecimal actual) {
	}
}
