package org.tally.reconcile.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnType;
import org.tally.reconcile.CheckOutcome;

/**
 * A condition every row of the dataset's current loads must meet (completed ≤ committed,
 * start date not after the period end). A row where an operand is blank is not judged:
 * blanks are for other checks.
 */
final class RowRuleCheck extends ScanSharingCheck {

	private static final String CHECKED = "checked";

	private static final String BREAKING = "breaking";

	private final Condition rule;

	private final List<Condition> where;

	RowRuleCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration, jdbc);
		CheckDefinition check = declaration.definition();
		this.rule = Condition.of(declaration, dataset, declaration.require("rule", check.rule()));
		this.where = declaration.conditions(dataset, check.where());
	}

	@Override
	public CheckOutcome run(LocalDate period, SharedScans scans) {
		Map<String, Object> values = scans.values(this, period);
		return run(period, new long[] { (Long) values.get(CHECKED), (Long) values.get(BREAKING) });
	}

	/**
	 * The rows checked (those the declared filter keeps) and those breaking the rule, a
	 * blank operand not breaking it: two counts in the scan shared with the dataset's
	 * other checks; the evidence query runs only when some row breaks the rule.
	 */
	@Override
	public List<SharedScans.Aggregate> aggregates(LocalDate period) {
		Query checked = filtered(new Query().append("count(*) FILTER (WHERE true"), where, period);
		Query breaking = filtered(new Query().append("count(*) FILTER (WHERE true"), where, period);
		breaking.append(" AND NOT coalesce(");
		rule.render(breaking, "w", period);
		breaking.append(", true)");
		return List.of(new SharedScans.Aggregate(CHECKED, checked.append(")")),
				new SharedScans.Aggregate(BREAKING, breaking.append(")")));
	}

	/**
	 * The outcome from {rows checked, rows breaking}: evidence is queried only when a row
	 * breaks the rule.
	 */
	private CheckOutcome run(LocalDate period, long[] counts) {
		long rows = counts[0];

		String column = rule.column().name();
		boolean numeric = numeric(rule.column().type()) && (rule.other() == null || numeric(rule.other().type()));
		String actual = numeric ? "CAST(" + Query.col("w", column) + " AS numeric)" : "NULL::numeric";
		String expected = numeric && rule.other() != null
				? "CAST(" + Query.col("w", rule.other().name()) + " AS numeric)" : "NULL::numeric";
		String otherText = rule.other() != null
				? " || ', " + rule.other().name() + " is ' || coalesce(CAST(" + Query.col("w", rule.other().name())
						+ " AS text), 'blank')"
				: Condition.PERIOD_END.equals(rule.value()) ? " || ', the period ends ' || CAST(l.period AS text)" : "";
		Query failing = new Query().append("SELECT l.file_name, l.sheet, " + Query.cell("w", "l", column) + ", '"
				+ column + "', " + expected + ", " + actual + ", CAST(? AS text) || coalesce(CAST("
				+ Query.col("w", column) + " AS text), 'blank')" + otherText,
				"breaks " + rule.describe() + ": " + column + " is ");
		scope(failing, period);
		failing.append(" AND NOT coalesce(");
		rule.render(failing, "w", period);
		failing.append(", true) ORDER BY l.id, w.row_number");
		Offenders offenders = counts[1] == 0 ? new Offenders(0, List.of()) : Offenders.first(jdbc, failing, counts[1]);
		String message = offenders.none() ? rows + " rows of " + dataset.name() + " meet " + rule.describe()
				: offenders.total() + " of " + rows + " rows of " + dataset.name() + " break " + rule.describe()
						+ "; first " + offenders.first();
		return judged(period, rows, offenders, message);
	}

	private void scope(Query query, LocalDate period) {
		filtered(query.currentRows(dataset, "w", "l", period).append(" WHERE true"), where, period);
	}

	private static boolean numeric(ColumnType type) {
		return type == ColumnType.MONEY || type == ColumnType.INTEGER || type == ColumnType.DECIMAL;
	}

}
