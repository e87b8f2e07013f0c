package org.tally.figures.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tally.catalog.FigureDefinition;
import org.tally.catalog.SqlIdentifier;

/**
 * The SQL of one figure, written directly (join and aggregate): over the current loads of
 * a period, from the warehouse or the staging table (the audit's independent
 * recomputation of what {@link FigureScan} published), or over the loads one published
 * version was computed from (its breakdowns). Identifiers come from the validated
 * catalog; values are bound.
 */
public record FigureQuery(String from, String where, List<Object> params, String aggregate) {

	public static FigureQuery of(FigureDefinition figure, String schema, LocalDate asOf) {
		return of(figure, " FROM " + table(figure, schema) + " w JOIN registry.load l ON l.id = w.load_id",
				" WHERE l.is_current AND l.period = ?", asOf);
	}

	/**
	 * The figure over the rows of the loads that the figure version {@code versionId}
	 * (publish.figure_version) was computed from, whether or not they are still current.
	 */
	public static FigureQuery ofVersion(FigureDefinition figure, String schema, long versionId) {
		return of(figure, " FROM " + table(figure, schema) + " w", " WHERE w.load_id IN (SELECT load_id"
				+ " FROM publish.figure_version_load WHERE figure_version_id = ?)", versionId);
	}

	private static FigureQuery of(FigureDefinition figure, String from, String loads, Object loadsParam) {
		String aggregate = switch (figure.measure()) {
			case SUM -> "coalesce(sum(w." + SqlIdentifier.quote(figure.column()) + "), 0)";
			case COUNT -> "count(*)";
			case COUNT_DISTINCT -> "count(DISTINCT w." + SqlIdentifier.quote(figure.column()) + ")";
		};
		StringBuilder where = new StringBuilder(loads);
		List<Object> params = new ArrayList<>(List.of(loadsParam));
		for (Map.Entry<String, List<String>> filter : figure.where().entrySet()) {
			where.append(" AND w.").append(SqlIdentifier.quote(filter.getKey())).append(" = ANY (?)");
			params.add(filter.getValue().toArray(String[]::new));
		}
		return new FigureQuery(from, where.toString(), List.copyOf(params), aggregate);
	}

	private static String table(FigureDefinition figure, String schema) {
		return schema + "." + SqlIdentifier.quote(figure.dataset());
	}

	/** The figure's value. */
	public String valueSql() {
		return "SELECT " + aggregate + from + where;
	}

	/**
	 * The figure broken down by a column of its dataset (a validated catalog name): each
	 * value of the column with the figure's aggregate over its rows, ordered by the
	 * value.
	 */
	public String breakdownSql(String column) {
		String by = "w." + SqlIdentifier.quote(column);
		return "SELECT " + by + ", " + aggregate + from + where + " GROUP BY " + by + " ORDER BY " + by;
	}
}
