package org.tally.reconcile.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnDefinition;
import org.tally.reconcile.CheckOutcome;

/**
 * No two rows of one current load (one source, one period) share the key columns; blank
 * keys are not keys.
 */
final class UniqueCheck extends ScanSharingCheck {

	private static final String KEYED = "keyed";

	private final List<ColumnDefinition> columns;

	private final List<Condition> where;

	UniqueCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration, jdbc);
		CheckDefinition check = declaration.definition();
		List<String> names = check.columns().isEmpty() ? dataset.key() : check.columns();
		if (names.isEmpty()) {
			throw declaration.invalid("'columns' is required: dataset '" + dataset.name() + "' declares no key");
		}
		this.columns = names.stream().map(n -> declaration.column(dataset, n)).toList();
		this.where = declaration.conditions(dataset, check.where());
	}

	@Override
	public CheckOutcome run(LocalDate period, SharedScans scans) {
		long[] counts = provenDistinct(period) ? new long[] { (Long) scans.values(this, period).get(KEYED), 0 }
				: groupedCounts(period);
		long rows = counts[0];
		String names = String.join(", ", columns.stream().map(ColumnDefinition::name).toList());
		Offenders offenders = counts[1] == 0 ? new Offenders(0, List.of()) : offenders(period, names);
		String message = offenders.none()
				? rows + " rows of " + dataset.name() + " have distinct " + names + " per file"
				: offenders.total() + " of " + rows + " rows of " + dataset.name() + " share their " + names
						+ " with another row of the same file; first " + offenders.first();
		return judged(period, rows, offenders, message);
	}

	/**
	 * One scan counts the rows checked and the rows whose key repeats in their load:
	 * GROUP BY sorts the keys once instead of building every row's cell and key text
	 * before filtering.
	 */
	private long[] groupedCounts(LocalDate period) {
		Query counted = new Query()
			.append("SELECT coalesce(sum(n), 0), coalesce(sum(n) FILTER (WHERE n > 1), 0) FROM (");
		grouped(counted, period).append(") g");
		return jdbc.sql(counted.sql())
			.params(counted.params())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/**
	 * Whether every current load of the period was proven while staging to repeat no
	 * dataset key (registry.load.keys_distinct: no two rows' key fingerprints were
	 * equal), and the checked columns include that key: then no checked key can repeat
	 * either, and counting the rows replaces a sort of every key. A load without that
	 * proof (one that did repeat a key, or older) is searched.
	 */
	private boolean provenDistinct(LocalDate period) {
		List<String> checked = columns.stream().map(ColumnDefinition::name).toList();
		if (dataset.key().isEmpty() || !checked.containsAll(dataset.key())) {
			return false;
		}
		return !jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM registry.load
				               WHERE is_current AND period = ? AND dataset = ? AND keys_distinct IS NOT TRUE)""")
			.params(period, dataset.name())
			.query(Boolean.class)
			.single();
	}

	/**
	 * The rows checked (key present, filter kept), counted in the scan shared with the
	 * dataset's other checks; read only when the loads are proven to repeat no key, and
	 * then none of these repeats.
	 */
	@Override
	public List<SharedScans.Aggregate> aggregates(LocalDate period) {
		Query keyed = new Query().append("count(*) FILTER (WHERE true");
		scope(keyed, period);
		return List.of(new SharedScans.Aggregate(KEYED, keyed.append(")")));
	}

	/**
	 * {@code SELECT count(*) AS n, load_id, k0, k1…} per load and key over the rows
	 * checked.
	 */
	private Query grouped(Query query, LocalDate period) {
		query.append("SELECT count(*) AS n, w.load_id");
		for (int i = 0; i < columns.size(); i++) {
			query.append(", " + Query.col("w", columns.get(i).name()) + " AS k" + i);
		}
		query.currentLoadRowsManyGroups(dataset, "w", period);
		scope(query, period);
		query.append(" GROUP BY w.load_id");
		for (ColumnDefinition column : columns) {
			query.append(", " + Query.col("w", column.name()));
		}
		return query;
	}

	/**
	 * Keys present (a blank key is not a key) and the declared filter, on rows of alias
	 * {@code w}.
	 */
	private void scope(Query query, LocalDate period) {
		for (ColumnDefinition column : columns) {
			query.append(" AND " + Query.col("w", column.name()) + " IS NOT NULL");
		}
		filtered(query, where, period);
	}

	/**
	 * Only when a key repeats: the repeated keys again (GROUP BY … HAVING), then the cell
	 * and key text of just their rows, ordered by file, key and row as the evidence
	 * always was.
	 */
	private Offenders offenders(LocalDate period, String names) {
		String first = columns.get(0).name();
		String keyText = "concat_ws(' / ', " + String.join(", ",
				columns.stream().map(c -> "CAST(" + Query.col("w", c.name()) + " AS text)").toList()) + ")";
		Query query = new Query().append("WITH d AS (");
		grouped(query, period).append(
				" HAVING count(*) > 1) SELECT l.file_name, l.sheet, " + Query.cell("w", "l", first)
						+ ", CAST(? AS text), NULL::numeric, NULL::numeric, CAST(? AS text) || " + keyText
						+ " || CAST(? AS text) || d.n || ' rows'" + Offenders.TOTAL,
				first, names + " ", " repeats in this file: ");
		query.append(" FROM d JOIN " + Query.table(dataset) + " w ON w.load_id = d.load_id");
		for (int i = 0; i < columns.size(); i++) {
			query.append(" AND " + Query.col("w", columns.get(i).name()) + " = d.k" + i);
		}
		query.append(" JOIN registry.load l ON l.id = w.load_id WHERE true");
		scope(query, period);
		query.append(" ORDER BY l.id, " + keyText + ", w.row_number");
		return Offenders.find(jdbc, query);
	}

}
