package org.tally.figures.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.FigureDefinition;
import org.tally.catalog.SqlIdentifier;

/**
 * Several figures of one dataset computed from ONE scan of its current rows for a period:
 * the rows are first aggregated per load (and per value of the one counted-distinct
 * column, if any), which PostgreSQL runs as a parallel scan, then each figure's value and
 * its files come from that small result with the same grouping sets as a figure on its
 * own. Sums of sums and counts of per-load distinct values equal the direct aggregates,
 * so values and per-file evidence do not change.
 */
public final class FigureScan {

	private final String dataset;

	private final String distinctColumn;

	private final List<FigureDefinition> figures;

	private FigureScan(String dataset, String distinctColumn, List<FigureDefinition> figures) {
		this.dataset = dataset;
		this.distinctColumn = distinctColumn;
		this.figures = List.copyOf(figures);
	}

	/**
	 * The figures in as few scans as their datasets allow: one per dataset, plus one for
	 * each further column counted distinct (grouping by two such columns would multiply
	 * the per-load groups).
	 */
	public static List<FigureScan> plan(List<FigureDefinition> figures) {
		Map<String, List<FigureDefinition>> byScan = new LinkedHashMap<>();
		Map<String, String> distinctOfDataset = new LinkedHashMap<>();
		for (FigureDefinition figure : figures) {
			String distinct = figure.measure() == FigureDefinition.Measure.COUNT_DISTINCT ? figure.column() : null;
			String claimed = distinctOfDataset.get(figure.dataset());
			if (distinct != null && claimed == null) {
				distinctOfDataset.put(figure.dataset(), distinct);
				claimed = distinct;
			}
			String scanKey = distinct == null || distinct.equals(claimed) ? figure.dataset()
					: figure.dataset() + "\u0000" + distinct;
			byScan.computeIfAbsent(scanKey, k -> new ArrayList<>()).add(figure);
		}
		List<FigureScan> scans = new ArrayList<>();
		byScan.forEach((key, members) -> {
			String dataset = members.get(0).dataset();
			String distinct = key.contains("\u0000") ? key.substring(key.indexOf('\u0000') + 1)
					: distinctOfDataset.get(dataset);
			scans.add(new FigureScan(dataset, distinct, members));
		});
		return scans;
	}

	public List<FigureDefinition> figures() {
		return figures;
	}

	/**
	 * A figure's value and the loads behind it (in load order), each with the rows its
	 * aggregate read.
	 */
	public record Measured(BigDecimal value, List<LoadRows> sources) {
	}

	/**
	 * One load behind a figure: its id, file and sheet, and how many of its rows the
	 * figure read.
	 */
	public record LoadRows(long loadId, String file, String sheet, long rows) {
	}

	/**
	 * Runs the scan for the current loads of {@code asOf}: figure id -> value and
	 * sources.
	 */
	public Map<String, Measured> measure(JdbcClient jdbc, String schema, LocalDate asOf) {
		Sql sql = sql(schema, asOf);
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		Map<String, List<LoadRows>> sources = new LinkedHashMap<>();
		for (FigureDefinition figure : figures) {
			sources.put(figure.id(), new ArrayList<>());
		}
		jdbc.sql(sql.text()).params(sql.params()).query((java.sql.ResultSet rs) -> {
			String id = figures.get(rs.getInt(1)).id();
			if (rs.getInt(6) == 1) {
				values.put(id, rs.getBigDecimal(5));
			}
			else {
				sources.get(id).add(new LoadRows(rs.getLong(7), rs.getString(2), rs.getString(3), rs.getLong(4)));
			}
		});
		Map<String, Measured> measured = new LinkedHashMap<>();
		for (FigureDefinition figure : figures) {
			measured.put(figure.id(),
					new Measured(
							Objects.requireNonNull(values.get(figure.id()),
									"grouping sets always yield the grand total row"),
							List.copyOf(sources.get(figure.id()))));
		}
		return measured;
	}

	/** The statement and its bound values, in text order. */
	record Sql(String text, List<Object> params) {
	}

	Sql sql(String schema, LocalDate asOf) {
		List<Object> params = new ArrayList<>();
		String table = schema + "." + SqlIdentifier.quote(dataset);
		StringBuilder perLoad = new StringBuilder("SELECT w.load_id");
		if (distinctColumn != null) {
			perLoad.append(", w.").append(SqlIdentifier.quote(distinctColumn)).append(" AS d");
		}
		for (int i = 0; i < figures.size(); i++) {
			FigureDefinition figure = figures.get(i);
			String filter = filter(figure, params);
			perLoad.append(", count(*)").append(filter).append(" AS n").append(i);
			if (figure.measure() == FigureDefinition.Measure.SUM) {
				perLoad.append(", sum(w.")
					.append(SqlIdentifier.quote(figure.column()))
					.append(")")
					.append(filter(figure, params))
					.append(" AS v")
					.append(i);
			}
		}
		// = ANY (ARRAY(…)) rather than a join or IN: the loads are computed once up
		// front, the dataset is a plain parallel seq scan, and PostgreSQL does not take
		// the period's rows for a few thousand and sort them; it hashes them into the
		// handful of (load, value) groups.
		perLoad.append(" FROM ")
			.append(table)
			.append(" w WHERE w.load_id = ANY (ARRAY(SELECT id FROM registry.load")
			.append(" WHERE is_current AND period = ?)) GROUP BY w.load_id");
		params.add(asOf);
		if (distinctColumn != null) {
			perLoad.append(", w.").append(SqlIdentifier.quote(distinctColumn));
		}
		StringBuilder text = new StringBuilder("WITH p AS (").append(perLoad).append(") ");
		for (int i = 0; i < figures.size(); i++) {
			FigureDefinition figure = figures.get(i);
			String aggregate = switch (figure.measure()) {
				case SUM -> "coalesce(sum(p.v" + i + "), 0)";
				case COUNT -> "coalesce(sum(p.n" + i + "), 0)";
				case COUNT_DISTINCT -> "count(DISTINCT p.d)";
			};
			if (i > 0) {
				text.append(" UNION ALL ");
			}
			// A load with no row for this figure is not among its sources, as with a
			// direct GROUP BY.
			text.append("SELECT ")
				.append(i)
				.append(" AS figure, l.file_name, l.sheet, CAST(coalesce(sum(p.n")
				.append(i)
				.append("), 0) AS bigint), CAST(")
				.append(aggregate)
				.append(" AS numeric), GROUPING(l.id) AS total, l.id")
				.append(" FROM p JOIN registry.load l ON l.id = p.load_id WHERE p.n")
				.append(i)
				.append(" > 0 GROUP BY GROUPING SETS ((l.id, l.file_name, l.sheet), ())");
		}
		text.append(" ORDER BY figure, total, id");
		return new Sql(text.toString(), params);
	}

	/**
	 * {@code FILTER (WHERE …)} for the figure's where, or nothing; its values go to
	 * {@code params}.
	 */
	private static String filter(FigureDefinition figure, List<Object> params) {
		if (figure.where().isEmpty()) {
			return "";
		}
		List<String> conditions = new ArrayList<>();
		for (Map.Entry<String, List<String>> condition : figure.where().entrySet()) {
			conditions.add("w." + SqlIdentifier.quote(condition.getKey()) + " = ANY (?)");
			params.add(condition.getValue().toArray(String[]::new));
		}
		return " FILTER (WHERE " + String.join(" AND ", conditions) + ")";
	}

}
