package org.tally.catalog;

import java.math.BigDecimal;

/** A declared reconciliation check: what it compares, how strictly, and whether it blocks figures. */
public record CheckDefinition(String id, String type, String dataset, String severity, BigDecimal tolerance,
		String description) {

	public CheckDefinition {
		severity = severity == null ? "fail" : severity;
		tolerance = tolerance == null ? new BigDecimal("0.01") : tolerance;
	}

	public boolean blocking() {
		return "fail".equals(severity);
	}
}
