package org.tally.reconcile.internal;

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
final class ReferencesCheck extends DatasetCheck {

	private final ColumnDefinition column;

	private final DatasetDefinition target;

	private final ColumnDefinition targetColumn;

	private final List<Condition> where;

	ReferencesCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration, jdbc);
		CheckDefinition check = declaration.definition();
		this.column = declaration.column(dataset, check.column());
		CheckDefinition.Reference reference = declaration.require("references", check.references());
		this.target = declaration.dataset(reference.dataset());
		this.targetColumn = declaration.column(target, reference.column() == null ? column.name() : reference.column());
		this.where = declaration.conditions(dataset, check.where());
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
		return judged(period, rows, offenders, message);
	}

	private void scope(Query query, LocalDate period) {
		filtered(query.currentRows(dataset, "w", "l", period)
			.append(" WHERE " + Query.col("w", column.name()) + " IS NOT NULL"), where, period);
	}

}
