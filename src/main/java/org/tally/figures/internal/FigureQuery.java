package org.tally.figures.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tally.catalog.FigureDefinition;
import org.tally.catalog.SqlIdentifier;

/**
 * The SQL of one figure over the current loads of a period, written directly (join and
 * aggregate), from the warehouse or the staging table: the audit's independent
 * recomputation of what {@link FigureScan} published. Identifiers come from the validated
 * catalog; values are bound.
 */
public record FigureQuery(String from, String where, List<Object> params, String aggregate) {

	public static FigureQuery of(FigureDefinition figure, String schema, LocalDate asOf) {
		String table = schema + "." + SqlIdentifier.quote(figure.dataset());
		String aggregate = switch (figure.measure()) {
			case SUM -> "coalesce(sum(w." + SqlIdentifier.quote(figure.column()) + "), 0)";
			case COUNT -> "count(*)";
			case COUNT_DISTINCT -> "count(DISTINCT w." + SqlIdentifier.quote(figure.column()) + ")";
		};
		StringBuilder where = new StringBuilder(" WHERE l.is_current AND l.period = ?");
		List<Object> params = new ArrayList<>(List.of(asOf));
		for (Map.Entry<String, List<String>> filter : figure.where().entrySet()) {
			where.append(" AND w.").append(SqlIdentifier.quote(filter.getKey())).append(" = ANY (?)");
			params.add(filter.getValue().toArray(String[]::new));
		}
		return new FigureQuery(" FROM " + table + " w JOIN registry.load l ON l.id = w.load_id", where.toString(),
				List.copyOf(params), aggregate);
	}

	/** The figure's value. */
	public String valueSql() {
		return "SELECT " + aggregate + from + where;
	}
}
