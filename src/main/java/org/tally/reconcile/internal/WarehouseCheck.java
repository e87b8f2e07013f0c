package org.tally.reconcile.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.reconcile.CheckOutcome;

/**
 * A declared check that reads the warehouse's current loads with Tally's own connection,
 * and what the row-counting checks share to judge rows.
 */
abstract class WarehouseCheck extends DeclaredCheck {

	final JdbcClient jdbc;

	WarehouseCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration);
		this.jdbc = jdbc;
	}

	/**
	 * The outcome of {@code rows} judged with {@code offenders} among them: it passes
	 * when none offends; expected is every row, actual those that do not offend.
	 */
	final CheckOutcome judged(LocalDate period, long rows, Offenders offenders, String message) {
		return declaration.outcome(period, offenders.none(), BigDecimal.valueOf(rows),
				BigDecimal.valueOf(rows - offenders.total()), message, offenders.evidence());
	}

	/**
	 * Appends the declared filter, {@code AND …} per condition, on rows of alias
	 * {@code w}.
	 */
	static Query filtered(Query query, List<Condition> where, LocalDate period) {
		for (Condition condition : where) {
			query.append(" AND ");
			condition.render(query, "w", period);
		}
		return query;
	}

}
