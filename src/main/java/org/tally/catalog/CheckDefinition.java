package org.tally.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A declared reconciliation check: what it compares, how strictly, and whether it blocks
 * figures. Which of the optional parts a check needs depends on its {@code type} (see
 * docs/reconciliation.md); the reconcile module validates them against the datasets when
 * it starts.
 */
public record CheckDefinition(String id, String type, String dataset, String severity, BigDecimal tolerance,
		String description, BigDecimal relativeTolerance, Side left, Side right, String key, String column,
		Reference references, Condition rule, List<Condition> where, List<String> columns, List<String> sources,
		String sql, Integer timeoutSeconds) {

	public CheckDefinition {
		severity = severity == null ? "fail" : severity;
		tolerance = tolerance == null ? new BigDecimal("0.01") : tolerance;
		where = where == null ? List.of() : List.copyOf(where);
		columns = columns == null ? List.of() : List.copyOf(columns);
		sources = sources == null ? List.of() : List.copyOf(sources);
	}

	public boolean blocking() {
		return "fail".equals(severity);
	}

	/**
	 * One side of a compare check: an aggregate (sum of a column, or count of rows) over
	 * datasets.
	 */
	public record Side(List<String> datasets, String measure, String column, List<Condition> where) {
		public Side {
			datasets = datasets == null ? List.of() : List.copyOf(datasets);
			where = where == null ? List.of() : List.copyOf(where);
		}
	}

	/** The dataset column whose values another column's values must be found in. */
	public record Reference(String dataset, String column) {
	}

	/**
	 * A condition on one row: {@code column operator other} (another column of the row)
	 * or {@code column operator value} (a literal, or {@code period_end}); blank and
	 * not_blank take neither.
	 */
	public record Condition(String column, String operator, String other, String value) {
	}
}
