package org.tally.reconcile.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.DatasetDefinition;

/**
 * Scans that the checks of one reconcile call share: every aggregate the checks of a
 * dataset read from its current rows of a period (rule counts, unique counts, the sums
 * under totals rows) comes from one scan of those rows instead of one scan each. It lives
 * as long as the call that made it, so nothing is cached between runs.
 */
public final class SharedScans {

	private final JdbcClient jdbc;

	private final List<Sharing> sharing;

	private final Map<Scope, Map<Sharing, Map<String, Object>>> scanned = new HashMap<>();

	public SharedScans(JdbcClient jdbc, List<Check> checks) {
		this.jdbc = jdbc;
		this.sharing = checks.stream().filter(Sharing.class::isInstance).map(Sharing.class::cast).toList();
	}

	/**
	 * A check's aggregates by name, from the scan of its dataset's rows shared with the
	 * other checks.
	 */
	Map<String, Object> values(Sharing check, LocalDate period) {
		Scope scope = new Scope(check.dataset().name(), period);
		Map<String, Object> values = scanned
			.computeIfAbsent(scope,
					s -> scan(sharing.stream().filter(c -> c.dataset().name().equals(s.dataset())).toList(), period))
			.get(check);
		return values != null ? values : scan(List.of(check), period).get(check);
	}

	private Map<Sharing, Map<String, Object>> scan(List<Sharing> together, LocalDate period) {
		Map<Sharing, List<Aggregate>> wanted = new LinkedHashMap<>();
		together.forEach(check -> wanted.put(check, check.aggregates(period)));
		Query query = new Query().append("SELECT count(*)"); // at least one column,
																// whatever the checks
																// want
		wanted.values().forEach(aggregates -> aggregates.forEach(a -> query.append(", ").append(a.sql())));
		DatasetDefinition dataset = together.get(0).dataset();
		query.currentLoadRows(dataset, "w", period);
		return jdbc.sql(query.sql()).params(query.params()).query((rs, n) -> {
			Map<Sharing, Map<String, Object>> byCheck = new HashMap<>();
			int column = 2;
			for (Map.Entry<Sharing, List<Aggregate>> entry : wanted.entrySet()) {
				Map<String, Object> values = new HashMap<>();
				for (Aggregate aggregate : entry.getValue()) {
					values.put(aggregate.name(), rs.getObject(column++));
				}
				byCheck.put(entry.getKey(), values);
			}
			return byCheck;
		}).single();
	}

	/**
	 * A check that reads aggregates of its dataset's current rows, which it declares
	 * before the scan.
	 */
	interface Sharing {

		DatasetDefinition dataset();

		/**
		 * Its aggregates over the rows of alias {@code w}, each with its own filter, such
		 * as {@code count(*) FILTER (WHERE …)}: the scan reads every current row of the
		 * dataset.
		 */
		List<Aggregate> aggregates(LocalDate period);

	}

	/**
	 * One aggregate a check reads back by name: a count is a Long, a sum of numbers a
	 * BigDecimal.
	 */
	record Aggregate(String name, Query sql) {
	}

	private record Scope(String dataset, LocalDate period) {
	}

}
