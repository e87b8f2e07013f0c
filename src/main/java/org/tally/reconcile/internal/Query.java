package org.tally.reconcile.internal;

import java.util.ArrayList;
import java.util.List;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SqlIdentifier;

/**
 * SQL text built from validated identifiers, with every value kept aside as a bound
 * parameter.
 */
final class Query {

	static final int MAX_EVIDENCE = 50;

	private final StringBuilder sql = new StringBuilder();

	private final List<Object> params = new ArrayList<>();

	Query append(String text, Object... values) {
		sql.append(text);
		params.addAll(List.of(values));
		return this;
	}

	Query append(Query other) {
		sql.append(other.sql);
		params.addAll(other.params);
		return this;
	}

	String sql() {
		return sql.toString();
	}

	List<Object> params() {
		return params;
	}

	static String table(DatasetDefinition dataset) {
		return "warehouse." + SqlIdentifier.quote(dataset.name());
	}

	static String col(String alias, String column) {
		return alias + "." + SqlIdentifier.quote(column);
	}

	/**
	 * Rows of the dataset's current loads for a period: alias {@code w}, their load
	 * {@code l}.
	 */
	Query currentRows(DatasetDefinition dataset, String alias, String loadAlias, Object period) {
		return append(" FROM " + table(dataset) + " " + alias + " JOIN registry.load " + loadAlias + " ON " + loadAlias
				+ ".id = " + alias + ".load_id AND " + loadAlias + ".is_current AND " + loadAlias + ".period = ?",
				period);
	}

	/**
	 * Rows of the dataset's current loads for a period, alias {@code w}, without the
	 * load's columns, for aggregates into few groups: {@code = ANY (ARRAY(…))} computes
	 * the loads once, leaves the dataset a plain parallel seq scan with no join, and the
	 * planner expects the period's rows as they are, so it hashes them instead of
	 * sorting.
	 */
	Query currentLoadRows(DatasetDefinition dataset, String alias, Object period) {
		return append(
				" FROM " + table(dataset) + " " + alias + " WHERE " + alias
						+ ".load_id = ANY (ARRAY(SELECT id FROM registry.load WHERE is_current AND period = ?))",
				period);
	}

	/**
	 * The same rows with {@code IN (subquery)}, for a GROUP BY into about as many groups
	 * as rows: the planner then sorts in parallel workers instead of hashing a million
	 * groups in one process, which spills.
	 */
	Query currentLoadRowsManyGroups(DatasetDefinition dataset, String alias, Object period) {
		return append(" FROM " + table(dataset) + " " + alias + " WHERE " + alias
				+ ".load_id IN (SELECT id FROM registry.load WHERE is_current AND period = ?)", period);
	}

	/**
	 * The cell of a column in a row, such as H17, from the letter the column had in the
	 * row's load.
	 */
	static String cell(String alias, String loadAlias, String column) {
		SqlIdentifier.quote(column); // only validated identifiers reach this literal
		return "coalesce((SELECT c.column_letter FROM registry.load_column c WHERE c.load_id = " + loadAlias
				+ ".id AND c.column_name = '" + column + "'), '') || " + alias + ".row_number";
	}

}
