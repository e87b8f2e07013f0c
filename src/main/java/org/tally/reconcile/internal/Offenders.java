package org.tally.reconcile.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.reconcile.CheckOutcome;

/**
 * The offending rows a query finds: the first 50 as evidence and how many there are in all. The
 * query selects file, sheet, cell, column, expected, actual, note, then {@code count(*) OVER ()}.
 */
record Offenders(long total, List<CheckOutcome.Evidence> evidence) {

	static final String TOTAL = ", count(*) OVER ()";

	static Offenders find(JdbcClient jdbc, Query query) {
		List<Long> totals = new ArrayList<>();
		List<CheckOutcome.Evidence> evidence = jdbc.sql(query.sql() + " LIMIT " + Query.MAX_EVIDENCE)
			.params(query.params())
			.query((rs, n) -> {
				totals.add(rs.getLong(8));
				return new CheckOutcome.Evidence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7));
			})
			.list();
		return new Offenders(totals.isEmpty() ? 0 : totals.get(0), evidence);
	}

	boolean none() {
		return total == 0;
	}

	String first() {
		CheckOutcome.Evidence e = evidence.get(0);
		return e.file() + " [" + e.sheet() + "] " + e.cell() + ": " + e.note();
	}
}
