package org.tally.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnDefinition.Reference;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.catalog.SqlIdentifier;
import org.tally.ingest.LoadContext;

/**
 * The codes a referring column may use in one period: those of the referenced dataset's
 * loads that will be current once this run is promoted.
 *
 * <p>
 * Why not just query the warehouse: a corrected ledger for the same period may be in this
 * very run. The reader therefore reads referenced datasets first, and this class
 * remembers what the validator saw of their rows. For each source of the referenced
 * dataset the load that will be current is the newest load of this run for the period
 * whose reject rate passes the source's limit (promotion goes oldest to newest, each
 * superseding the one before, and skips a load over its limit), else the load current
 * now. Rows still in the chunk being written are not in staging yet, hence the memory;
 * loads staged by an earlier attempt of a restarted run are read from their staged rows.
 */
final class ReferenceCodes {

	private final JdbcClient jdbc;

	private final Catalog catalog;

	/** What the validator saw of each load of a referenced dataset in this step. */
	private final Map<Long, SeenLoad> seen = new HashMap<>();

	private final Map<Key, Set<Object>> resolved = new HashMap<>();

	/** Per run and referenced dataset: whether any file of the run refers to it. */
	private final Map<String, Boolean> referred = new HashMap<>();

	private LoadContext lastContext;

	private SeenLoad lastSeen;

	private boolean lastReferred;

	/** Referenced dataset -> its referenced columns: only those values are remembered. */
	private final Map<String, Set<String>> referencedColumns = new HashMap<>();

	ReferenceCodes(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		catalog.datasets()
			.values()
			.forEach(d -> d.columns()
				.forEach(c -> c.reference()
					.ifPresent(r -> referencedColumns.computeIfAbsent(r.dataset(), k -> new HashSet<>())
						.add(r.column()))));
	}

	boolean isReferenced(DatasetDefinition dataset) {
		return referencedColumns.containsKey(dataset.name());
	}

	/** Whether another dataset's rows refer to this column's values. */
	boolean isReferencedColumn(DatasetDefinition dataset, String column) {
		return referencedColumns.getOrDefault(dataset.name(), Set.of()).contains(column);
	}

	/** A row of a referenced dataset passed validation: its values may be referred to. */
	void accepted(LoadContext context, Object[] values) {
		SeenLoad load = seen(context);
		load.valid++;
		if (!lastReferred) {
			return; // nothing in this run refers to it: a million-row ledger need not sit
					// in the heap
		}
		List<ColumnDefinition> columns = context.dataset().columns();
		Set<String> remembered = referencedColumns.get(context.dataset().name());
		for (int i = 0; i < columns.size(); i++) {
			if (values[i] != null && remembered.contains(columns.get(i).name())) {
				load.values.computeIfAbsent(columns.get(i).name(), c -> new HashSet<>()).add(values[i]);
			}
		}
	}

	/** Whether any file of this run feeds a dataset whose rows refer to this one. */
	private boolean referredToInRun(LoadContext context) {
		return referred.computeIfAbsent(context.load().runId() + "/" + context.dataset().name(), key -> {
			List<String> referring = catalog.datasets()
				.values()
				.stream()
				.filter(d -> d.columns()
					.stream()
					.anyMatch(c -> c.reference().map(r -> r.dataset().equals(context.dataset().name())).orElse(false)))
				.map(DatasetDefinition::name)
				.toList();
			return !referring.isEmpty() && jdbc.sql("""
					SELECT count(*) > 0 FROM registry.load
					WHERE run_id = ? AND status IN ('pending', 'staged') AND dataset = ANY (?)""")
				.params(context.load().runId(), referring.toArray(String[]::new))
				.query(Boolean.class)
				.single();
		});
	}

	/**
	 * A row of a referenced dataset was rejected: it counts towards its file's reject
	 * rate.
	 */
	void rejected(LoadContext context, int rowNumber) {
		seen(context).rejectedRows.add(rowNumber);
	}

	/**
	 * The values of {@code reference} current for the period once this run is promoted;
	 * cached per period.
	 */
	Set<Object> codes(long runId, LocalDate period, Reference reference) {
		return resolved.computeIfAbsent(new Key(reference, period), key -> resolve(runId, period, reference));
	}

	private Set<Object> resolve(long runId, LocalDate period, Reference reference) {
		DatasetDefinition dataset = catalog.dataset(reference.dataset());
		String column = SqlIdentifier.quote(dataset.column(reference.column()).orElseThrow().name());
		String table = SqlIdentifier.quote(dataset.name());
		Set<Object> codes = new HashSet<>();
		if (!jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("warehouse." + table).query(Boolean.class).single()) {
			// No run has made the dataset's table yet (an upload previewed on a fresh
			// database): it has no codes.
			return codes;
		}
		for (SourceDefinition source : catalog.sourcesOf(dataset.name())) {
			List<Long> candidates = jdbc.sql("""
					SELECT id FROM registry.load
					WHERE run_id = ? AND source_id = ? AND period = ? AND status IN ('pending', 'staged')
					ORDER BY id DESC""").params(runId, source.id(), period).query(Long.class).list();
			Long chosen = null;
			for (Long id : candidates) {
				SeenLoad load = seen.get(id);
				int rejected = load != null ? load.rejectedRows.size()
						: count("SELECT count(DISTINCT row_number) FROM registry.reject WHERE load_id = ?", id);
				int valid = load != null ? load.valid
						: count("SELECT count(*) FROM warehouse." + table + " WHERE load_id = ?", id);
				if (passes(valid, rejected, source.maxRejectRate())) {
					chosen = id;
					break;
				}
			}
			if (chosen != null && seen.containsKey(chosen)) {
				codes.addAll(seen.get(chosen).values.getOrDefault(reference.column(), Set.of()));
			}
			else if (chosen != null) {
				codes.addAll(jdbc
					.sql("SELECT " + column + " FROM warehouse." + table + " WHERE load_id = ? AND " + column
							+ " IS NOT NULL")
					.param(chosen)
					.query((rs, n) -> rs.getObject(1))
					.list());
			}
			else {
				codes.addAll(jdbc.sql("SELECT w." + column + " FROM warehouse." + table
						+ " w JOIN registry.load l ON l.id = w.load_id"
						+ " WHERE l.is_current AND l.source_id = ? AND l.period = ? AND w." + column + " IS NOT NULL")
					.params(source.id(), period)
					.query((rs, n) -> rs.getObject(1))
					.list());
			}
		}
		return codes;
	}

	/**
	 * Promotion's own rule (SourceDefinition), so a ledger counted here is the one that
	 * becomes current.
	 */
	static boolean passes(int valid, int rejected, BigDecimal maxRejectRate) {
		int read = valid + rejected;
		return read > 0 && SourceDefinition.rejectRate(rejected, read).compareTo(maxRejectRate) <= 0;
	}

	private int count(String sql, long loadId) {
		return jdbc.sql(sql).param(loadId).query(Integer.class).single();
	}

	private SeenLoad seen(LoadContext context) {
		// Rows come file by file: the previous row's load is nearly always this row's.
		if (context != lastContext) {
			lastSeen = seen.computeIfAbsent(context.load().id(), id -> new SeenLoad());
			lastReferred = referredToInRun(context);
			lastContext = context;
		}
		return lastSeen;
	}

	private static final class SeenLoad {

		private final Map<String, Set<Object>> values = new HashMap<>();

		private final Set<Integer> rejectedRows = new HashSet<>();

		private int valid;

	}

	private record Key(Reference reference, LocalDate period) {
	}

}
