package org.tally.reconcile.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.tally.reconcile.CheckOutcome;

/**
 * One aggregate against another, each a sum (or count) over one or more datasets with a
 * filter. With a {@code key} the two are compared key by key over the keys both sides
 * have (an inner join: a key missing on one side is the references check's business), and
 * every differing key is evidence.
 */
final class CompareCheck extends WarehouseCheck {

	private final Side left;

	private final Side right;

	private final String key;

	CompareCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration, jdbc);
		this.key = declaration.definition().key();
		this.left = side("left", declaration.require("left", declaration.definition().left()));
		this.right = side("right", declaration.require("right", declaration.definition().right()));
	}

	private Side side(String name, CheckDefinition.Side declared) {
		if (declared.datasets().isEmpty()) {
			throw declaration.invalid("'" + name + ".datasets' needs at least one dataset");
		}
		String measure = declared.measure() == null ? "sum" : declared.measure();
		if (!measure.equals("sum") && !measure.equals("count")) {
			throw declaration.invalid("'" + name + ".measure' must be sum or count");
		}
		List<Part> parts = new ArrayList<>();
		for (String datasetName : declared.datasets()) {
			DatasetDefinition dataset = declaration.dataset(datasetName);
			if (measure.equals("sum")) {
				ColumnType type = declaration.column(dataset, declared.column()).type();
				if (type != ColumnType.MONEY && type != ColumnType.INTEGER && type != ColumnType.DECIMAL) {
					throw declaration
						.invalid("'" + name + ".column' " + declared.column() + " is not numeric in " + datasetName);
				}
			}
			if (key != null) {
				declaration.column(dataset, key);
			}
			parts.add(new Part(dataset, declaration.conditions(dataset, declared.where())));
		}
		return new Side(name, measure, declared.column(), parts);
	}

	@Override
	public CheckOutcome run(LocalDate period) {
		return key == null ? totals(period) : byKey(period);
	}

	private CheckOutcome totals(LocalDate period) {
		BigDecimal l = sum(left.byKey(jdbc, null, period));
		BigDecimal r = sum(right.byKey(jdbc, null, period));
		boolean passed = declaration.within(r.subtract(l), l, r);
		List<CheckOutcome.Evidence> evidence = new ArrayList<>();
		if (!passed) {
			evidence.addAll(left.perLoad(jdbc, period));
			evidence.addAll(right.perLoad(jdbc, period));
		}
		String message = left.describe() + " = " + l.toPlainString() + ", " + right.describe() + " = "
				+ r.toPlainString() + (passed ? "" : ": they differ by " + r.subtract(l).toPlainString());
		return declaration.outcome(period, passed, r, l, message,
				evidence.subList(0, Math.min(evidence.size(), Query.MAX_EVIDENCE)));
	}

	/**
	 * Key by key, in SQL: both sides are aggregated per key and joined in the database,
	 * so a million keys never reach the heap; only the totals and the first differing
	 * keys come back.
	 */
	private CheckOutcome byKey(LocalDate period) {
		BigDecimal tolerance = declaration.definition().tolerance();
		BigDecimal relative = declaration.definition().relativeTolerance() == null ? BigDecimal.ZERO
				: declaration.definition().relativeTolerance();
		String differs = " abs(rv - lv) > greatest(CAST(? AS numeric), CAST(? AS numeric) * greatest(abs(lv), abs(rv)))";

		// One statement: the totals ride along as window aggregates on the first 50 keys,
		// differing first.
		Query query = joined(period).append(
				"SELECT k, lv, rv, d, count(*) OVER (), coalesce(sum(lv) OVER (), 0),"
						+ " coalesce(sum(rv) OVER (), 0), count(*) FILTER (WHERE d) OVER () FROM (SELECT k, lv, rv,"
						+ differs + " AS d FROM j) x ORDER BY d DESC, k LIMIT " + Query.MAX_EVIDENCE,
				tolerance, relative);
		long[] counts = new long[2];
		BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO };
		List<Object[]> differing = new ArrayList<>();
		jdbc.sql(query.sql()).params(query.params()).query((ResultSet rs) -> {
			counts[0] = rs.getLong(5);
			sums[0] = rs.getBigDecimal(6);
			sums[1] = rs.getBigDecimal(7);
			counts[1] = rs.getLong(8);
			if (rs.getBoolean(4)) {
				differing.add(new Object[] { rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3) });
			}
		});
		long keys = counts[0];
		BigDecimal leftTotal = sums[0];
		BigDecimal rightTotal = sums[1];
		long differingCount = counts[1];

		boolean passed = differingCount == 0
				&& declaration.within(rightTotal.subtract(leftTotal), leftTotal, rightTotal);
		List<CheckOutcome.Evidence> evidence = new ArrayList<>();
		List<String> differingKeys = differing.stream().map(row -> (String) row[0]).toList();
		Map<Side, Map<String, List<CheckOutcome.Evidence>>> rows = new HashMap<>();
		for (Side side : List.of(left, right)) {
			rows.put(side, differingKeys.isEmpty() ? Map.of() : side.rowsOf(jdbc, key, differingKeys, period));
		}
		for (Object[] row : differing) {
			String k = (String) row[0];
			BigDecimal l = (BigDecimal) row[1];
			BigDecimal r = (BigDecimal) row[2];
			for (Side side : List.of(left, right)) {
				for (CheckOutcome.Evidence e : rows.get(side).getOrDefault(k, List.of())) {
					if (evidence.size() < Query.MAX_EVIDENCE) {
						evidence.add(new CheckOutcome.Evidence(e.file(), e.sheet(), e.cell(), e.column(), r, l,
								key + " " + k + ": " + left.describe() + " " + l.toPlainString() + " but "
										+ right.describe() + " " + r.toPlainString() + "; this row has " + e.note()));
					}
				}
			}
		}
		String message = keys + " " + key + " values on both sides; " + left.describe() + " "
				+ leftTotal.toPlainString() + ", " + right.describe() + " " + rightTotal.toPlainString()
				+ (differing.isEmpty() ? "" : "; " + differingCount + " differ, first " + differing.get(0)[0]);
		return declaration.outcome(period, passed, rightTotal, leftTotal, message, evidence);
	}

	/**
	 * {@code WITH l AS (…), r AS (…), j AS (keys on both sides with their two values)},
	 * ready for a SELECT. The right side reads only rows whose key the left side has: the
	 * join is inner, so the others could not match, and a large dataset need not be
	 * grouped by every one of its keys.
	 */
	private Query joined(LocalDate period) {
		Query query = new Query().append("WITH l AS MATERIALIZED (");
		left.keyed(query, key, period, null);
		query.append("), r AS (");
		right.keyed(query, key, period, "l");
		return query.append("), j AS (SELECT l.k, l.v AS lv, r.v AS rv FROM l JOIN r ON r.k = l.k) ");
	}

	private static BigDecimal sum(Map<String, BigDecimal> values) {
		return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private record Part(DatasetDefinition dataset, List<Condition> where) {
	}

	private record Side(String name, String measure, String column, List<Part> parts) {

		String describe() {
			String datasets = String.join("+", parts.stream().map(p -> p.dataset().name()).toList());
			return measure.equals("sum") ? "sum of " + datasets + "." + column : "count of " + datasets;
		}

		private String aggregate() {
			return measure.equals("sum") ? "coalesce(sum(" + Query.col("w", column) + "), 0)" : "count(*)";
		}

		private void filter(Query query, Part part, String key, LocalDate period) {
			if (key != null) {
				query.append(" AND " + Query.col("w", key) + " IS NOT NULL");
			}
			for (Condition condition : part.where()) {
				query.append(" AND ");
				condition.render(query, "w", period);
			}
		}

		/**
		 * The aggregate per key value, or under the empty key when {@code key} is null.
		 */
		Map<String, BigDecimal> byKey(JdbcClient jdbc, String key, LocalDate period) {
			Map<String, BigDecimal> values = new TreeMap<>();
			for (Part part : parts) {
				Query query = new Query().append("SELECT "
						+ (key == null ? "''" : "CAST(" + Query.col("w", key) + " AS text)") + ", " + aggregate());
				query.currentRows(part.dataset(), "w", "l", period).append(" WHERE true");
				filter(query, part, key, period);
				if (key != null) {
					query.append(" GROUP BY 1");
				}
				jdbc.sql(query.sql())
					.params(query.params())
					.query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
					.list()
					.forEach(e -> values.merge(e.getKey(), e.getValue(), BigDecimal::add));
			}
			return values;
		}

		/**
		 * Appends {@code SELECT k, v}: the aggregate per key over all parts, only keys in
		 * {@code among} if given.
		 */
		void keyed(Query query, String key, LocalDate period, String among) {
			query.append("SELECT k, sum(v) AS v FROM (");
			for (int i = 0; i < parts.size(); i++) {
				Part part = parts.get(i);
				if (i > 0) {
					query.append(" UNION ALL ");
				}
				query.append("SELECT CAST(" + Query.col("w", key) + " AS text) AS k, " + aggregate() + " AS v");
				query.currentRows(part.dataset(), "w", "l", period).append(" WHERE true");
				filter(query, part, key, period);
				if (among != null) {
					query.append(" AND CAST(" + Query.col("w", key) + " AS text) IN (SELECT k FROM " + among + ")");
				}
				query.append(" GROUP BY 1");
			}
			query.append(") s GROUP BY k");
		}

		/**
		 * The rows of the given key values, each with the cell of the measured column (or
		 * of the key, for counts), by key; per key the parts in order, each part's rows
		 * in file and row order. One query per part for all keys: a query per key would
		 * read a large dataset once per differing key.
		 */
		Map<String, List<CheckOutcome.Evidence>> rowsOf(JdbcClient jdbc, String key, List<String> values,
				LocalDate period) {
			String shown = measure.equals("sum") ? column : key;
			Map<String, List<CheckOutcome.Evidence>> rows = new HashMap<>();
			for (Part part : parts) {
				Query query = new Query()
					.append("SELECT CAST(" + Query.col("w", key) + " AS text), l.file_name, l.sheet, "
							+ Query.cell("w", "l", shown) + ", CAST(" + Query.col("w", shown) + " AS text)");
				query.currentRows(part.dataset(), "w", "l", period)
					.append(" WHERE CAST(" + Query.col("w", key) + " AS text) = ANY (?)",
							(Object) values.toArray(String[]::new));
				filter(query, part, key, period);
				query.append(" ORDER BY l.id, w.row_number");
				jdbc.sql(query.sql()).params(query.params()).query((ResultSet rs) -> {
					rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new CheckOutcome.Evidence(rs.getString(2), rs.getString(3), rs.getString(4), shown, null,
								null, part.dataset().name() + "." + shown + " " + rs.getString(5)));
				});
			}
			return rows;
		}

		/**
		 * Each load's share of the aggregate, when two totals differ and there is no key
		 * to go by.
		 */
		List<CheckOutcome.Evidence> perLoad(JdbcClient jdbc, LocalDate period) {
			List<CheckOutcome.Evidence> loads = new ArrayList<>();
			for (Part part : parts) {
				Query query = new Query().append("SELECT l.file_name, l.sheet, " + aggregate());
				query.currentRows(part.dataset(), "w", "l", period).append(" WHERE true");
				filter(query, part, null, period);
				query.append(" GROUP BY l.id, l.file_name, l.sheet ORDER BY l.id");
				loads.addAll(jdbc.sql(query.sql())
					.params(query.params())
					.query((rs, n) -> new CheckOutcome.Evidence(rs.getString(1), rs.getString(2), null, column, null,
							rs.getBigDecimal(3),
							name + ": " + describe() + " in this file is " + rs.getBigDecimal(3).toPlainString()))
					.list());
			}
			return loads;
		}
	}

}
