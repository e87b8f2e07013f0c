package org.tally.reconcile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.reconcile.CheckOutcome;

/**
 * The offending rows a query finds: the first 50 as evidence and how many there are in
 * all. The query selects file, sheet, cell, column, expected, actual, note, then
 * {@code count(*) OVER ()}.
 */
record Offenders(long total, List<CheckOutcome.Evidence> evidence) {

	static final String TOTAL = ", count(*) OVER ()";

	static Offenders find(JdbcClient jdbc, Query query) {
		List<Long> totals = new ArrayList<>();
		List<CheckOutcome.Evidence> evidence = jdbc.sql(query.sql() + " LIMIT " + Query.MAX_EVIDENCE)
			.params(query.params())
			.query((rs, n) -> {
				totals.add(rs.getLong(8));
				return evidence(rs);
			})
			.list();
		return new Offenders(totals.isEmpty() ? 0 : totals.get(0), evidence);
	}

	/**
	 * The first offenders of a query selecting the seven evidence columns without
	 * {@link #TOTAL}, when their number is already counted: with no window over all of
	 * them, the planner sorts only the first 50 in its parallel workers instead of
	 * building every offender's cell text in one process.
	 */
	static Offenders first(JdbcClient jdbc, Query query, long total) {
		return new Offenders(total,
				jdbc.sql(query.sql() + " LIMIT " + Query.MAX_EVIDENCE)
					.params(query.params())
					.query((rs, n) -> evidence(rs))
					.list());
	}

	private static CheckOutcome.Evidence evidence(ResultSet rs) throws SQLException {
		return new CheckOutcome.Evidence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7));
	}

	boolean none() {
		return total == 0;
	}

	String first() {
		CheckOutcome.Evidence e = evidence.get(0);
		return e.file() + " [" + e.sheet() + "] " + e.cell() + ": " + e.note();
	}
}
