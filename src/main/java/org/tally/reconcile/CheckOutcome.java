package org.tally.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of one check for one period: both sides, their difference, a message and up
 * to 50 offending cells as evidence. Counting checks (references, row, unique,
 * non_decreasing, completeness) compare the rows checked ({@code expected}) with the rows
 * that hold ({@code actual}).
 */
public record CheckOutcome(String checkId, String type, String severity, LocalDate asOf, boolean passed,
		BigDecimal expected, BigDecimal actual, BigDecimal difference, String message, List<Evidence> evidence) {

	public CheckOutcome {
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
	}

	public boolean blocking() {
		return !passed && "fail".equals(severity);
	}

	/**
	 * A cell that takes part in a failed check: file, sheet and cell (H17) as the
	 * department sees them, the dataset column, the two values compared where there are
	 * two, and what is wrong with it.
	 */
	public record Evidence(String file, String sheet, String cell, String column, BigDecimal expected,
			BigDecimal actual, String note) {
	}
}
