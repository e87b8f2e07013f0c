package org.tally.reconcile.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;
import org.tally.reconcile.CheckOutcome;

/**
 * Every non-blank value of a column is found in another dataset's column, in the same
 * period's current loads.
 */
final class ReferencesCheck implements Check {

	private final Definitions defs;

	private final JdbcClient jdbc;

	private final DatasetDefinition dataset;

	private final ColumnDefinition column;

	private final DatasetDefinition target;

	private final ColumnDefinition targetColumn;

	private final List<Condition> where;

	ReferencesCheck(Definitions defs, JdbcClient jdbc) {
		this.defs = defs;
		this.jdbc = jdbc;
		CheckDefinition check = defs.definition();
		this.dataset = defs.dataset(check.dataset());
		this.column = defs.column(dataset, check.column());
		CheckDefinition.Reference reference = defs.require("references", check.references());
		this.target = defs.dataset(reference.dataset());
		this.targetColumn = defs.column(target, reference.column() == null ? column.name() : reference.column());
		this.where = defs.conditions(dataset, check.where());
	}

	@Override
	public String id() {
		return defs.definition().id();
	}

	@Override
	public CheckOutcome run(LocalDate period) {
		Query checked = new Query().append("SELECT count(*)");
		scope(checked, period);
		long rows = jdbc.sql(checked.sql()).params(checked.params()).query(Long.class).single();

		String value = "CAST(" + Query.col("w", column.name()) + " AS text)";
		Query missing = new Query().append(
				"SELECT l.file_name, l.sheet, " + Query.cell("w", "l", column.name()) + ", '" + column.name()
						+ "', NULL::numeric, NULL::numeric, " + value + " || CAST(? AS text)" + Offenders.TOTAL,
				" is not a " + target.name() + "." + targetColumn.name() + " for " + period);
		scope(missing, period);
		missing.append(" AND NOT EXISTS (SELECT 1");
		missing.currentRows(target, "r", "rl", period)
			.append(" WHERE CAST(" + Query.col("r", targetColumn.name()) + " AS text) = " + value + ")")
			.append(" ORDER BY l.id, w.row_number");
		Offenders offenders = Offenders.find(jdbc, missing);
		String message = offenders.none()
				? rows + " " + dataset.name() + "." + column.name() + " values all found in " + target.name() + "."
						+ targetColumn.name()
				: offenders.total() + " of " + rows + " " + dataset.name() + "." + column.name() + " values are not in "
						+ target.name() + "." + targetColumn.name() + "; first " + offenders.first();
		return defs.outcome(period, offenders.none(), BigDecimal.valueOf(rows),
				BigDecimal.valueOf(rows - offenders.total()), message, offenders.evidence());
	}

	private void scope(Query query, LocalDate period) {
		query.currentRows(dataset, "w", "l", period).append(" WHERE " + Query.col("w", column.name()) + " IS NOT NULL");
		for (Condition condition : where) {
			query.append(" AND ");
			condition.render(query, "w", period);
		}
	}

}
