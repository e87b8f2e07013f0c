package org.tally.reconcile.internal;

import java.time.LocalDate;
import java.util.Map;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;

/**
 * A validated row condition rendered to SQL: columns are identifiers checked against the
 * dataset, operators come from a fixed table, and a literal is a bound parameter cast to
 * the column's type.
 */
record Condition(ColumnDefinition column, String operator, ColumnDefinition other, String value) {

	static final String PERIOD_END = "period_end";

	private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("=", "="), Map.entry("eq", "="),
			Map.entry("<>", "<>"), Map.entry("!=", "<>"), Map.entry("ne", "<>"), Map.entry("<", "<"),
			Map.entry("lt", "<"), Map.entry("<=", "<="), Map.entry("le", "<="), Map.entry(">", ">"),
			Map.entry("gt", ">"), Map.entry(">=", ">="), Map.entry("ge", ">="), Map.entry("blank", "blank"),
			Map.entry("not_blank", "not_blank"));

	static Condition of(CheckDeclaration declaration, DatasetDefinition dataset, CheckDefinition.Condition declared) {
		ColumnDefinition column = declaration.column(dataset, declared.column());
		String operator = OPERATORS.get(declaration.require("operator", declared.operator()));
		if (operator == null) {
			throw declaration.invalid("operator '" + declared.operator() + "' is not one of " + OPERATORS.keySet());
		}
		boolean unary = operator.equals("blank") || operator.equals("not_blank");
		if (unary != (declared.other() == null && declared.value() == null)
				|| declared.other() != null && declared.value() != null) {
			throw declaration.invalid("condition on '" + declared.column() + "': "
					+ (unary ? "blank and not_blank take neither 'other' nor 'value'"
							: "give exactly one of 'other' (a column) or 'value' (a literal or period_end)"));
		}
		ColumnDefinition other = declared.other() == null ? null : declaration.column(dataset, declared.other());
		return new Condition(column, operator, other, declared.value());
	}

	/**
	 * Appends the condition on rows of alias {@code w}; true, false or null (a blank
	 * operand).
	 */
	void render(Query query, String alias, LocalDate period) {
		String left = Query.col(alias, column.name());
		switch (operator) {
			case "blank" ->
				query.append("(" + left + " IS NULL" + (text() ? " OR btrim(" + left + ") = ''" : "") + ")");
			case "not_blank" ->
				query.append("(" + left + " IS NOT NULL" + (text() ? " AND btrim(" + left + ") <> ''" : "") + ")");
			default -> {
				query.append("(" + left + " " + operator + " ");
				if (other != null) {
					query.append(Query.col(alias, other.name()));
				}
				else if (PERIOD_END.equals(value)) {
					query.append("CAST(? AS date)", period);
				}
				else {
					query.append("CAST(? AS " + column.type().sqlType() + ")", value);
				}
				query.append(")");
			}
		}
	}

	String describe() {
		return switch (operator) {
			case "blank", "not_blank" -> column.name() + " " + operator;
			default -> column.name() + " " + operator + " " + (other != null ? other.name() : value);
		};
	}

	private boolean text() {
		return column.type().sqlType().equals("text");
	}
}
