package org.tally.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SqlIdentifier;
import org.tally.ingest.FileDigests;
import org.tally.ingest.IngestProperties;

/**
 * Checks the registry and the warehouse against each other: no rows of loads that are
 * neither loaded nor awaiting promotion, every load's row count equal in registry and
 * warehouse, one current load per source and period, no duplicate keys among current
 * rows, and loaded files unchanged where still in the inbox.
 */
@Component
public class WarehouseAudit {

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final IngestProperties ingest;

	WarehouseAudit(JdbcClient jdbc, Catalog catalog, IngestProperties ingest) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.ingest = ingest;
	}

	/**
	 * One audit rule: what it compared, how many items, and what differed (empty when all
	 * agree).
	 */
	public record Finding(String rule, long compared, List<String> differences, List<String> notes) {
		public boolean clean() {
			return differences.isEmpty();
		}
	}

	public List<Finding> audit() {
		List<Finding> findings = new ArrayList<>();
		for (DatasetDefinition dataset : catalog.datasets().values()) {
			findings.add(orphans(dataset));
			findings.add(rowCounts(dataset));
			findings.add(duplicateKeys(dataset));
		}
		findings.add(oneCurrentPerSourceAndPeriod());
		findings.add(checksums());
		return findings;
	}

	private Finding orphans(DatasetDefinition dataset) {
		String table = "warehouse." + SqlIdentifier.quote(dataset.name());
		// Rows of a load still pending or staged belong to a run that has not promoted
		// yet (running,
		// or failed and waiting for its restart): invisible, and a note rather than a
		// difference.
		List<String[]> loads = jdbc.sql("SELECT w.load_id || ' (' || coalesce(l.status, 'no such load') || '): '"
				+ " || count(*) || ' rows', coalesce(l.status IN ('pending', 'staged'), false) FROM " + table
				+ " w LEFT JOIN registry.load l ON l.id = w.load_id"
				+ " WHERE l.status IS NULL OR l.status NOT IN ('loaded', 'superseded') GROUP BY w.load_id, l.status")
			.query((rs, n) -> new String[] { rs.getString(1), String.valueOf(rs.getBoolean(2)) })
			.list();
		long compared = jdbc.sql("SELECT count(DISTINCT load_id) FROM " + table).query(Long.class).single();
		return new Finding(dataset.name() + ": warehouse rows belong to promoted loads", compared,
				loads.stream().filter(l -> l[1].equals("false")).map(l -> "rows of load " + l[0]).toList(),
				loads.stream()
					.filter(l -> l[1].equals("true"))
					.map(l -> "rows of load " + l[0] + " await promotion")
					.toList());
	}

	private Finding rowCounts(DatasetDefinition dataset) {
		String name = SqlIdentifier.quote(dataset.name());
		List<String> differences = jdbc
			.sql("""
					SELECT l.id || ' ' || l.file_name || ': registry ' || l.rows_loaded || ', warehouse ' || w.n
					FROM registry.load l
					CROSS JOIN LATERAL (SELECT count(*) AS n FROM warehouse.%1$s w WHERE w.load_id = l.id) w
					WHERE l.dataset = ? AND l.status IN ('loaded', 'superseded') AND l.rows_loaded <> w.n"""
				.formatted(name))
			.param(dataset.name())
			.query(String.class)
			.list();
		long compared = jdbc
			.sql("SELECT count(*) FROM registry.load WHERE dataset = ? AND status IN ('loaded', 'superseded')")
			.param(dataset.name())
			.query(Long.class)
			.single();
		return new Finding(dataset.name() + ": row counts agree in registry and warehouse", compared,
				differences.stream().map(d -> "load " + d).toList(), List.of());
	}

	private Finding duplicateKeys(DatasetDefinition dataset) {
		if (dataset.key().isEmpty()) {
			return new Finding(dataset.name() + ": no duplicate keys among current rows (no key declared)", 0,
					List.of(), List.of());
		}
		String key = dataset.key().stream().map(k -> "w." + SqlIdentifier.quote(k)).collect(Collectors.joining(", "));
		String table = "warehouse." + SqlIdentifier.quote(dataset.name());
		List<String> differences = jdbc.sql("SELECT l.period || ' ' || concat_ws('/', " + key + ") || ': ' || count(*)"
				+ " || ' current rows' FROM " + table + " w JOIN registry.load l ON l.id = w.load_id WHERE l.is_current"
				+ " GROUP BY l.period, " + key + " HAVING count(*) > 1")
			.query(String.class)
			.list();
		long compared = jdbc
			.sql("SELECT count(*) FROM " + table + " w JOIN registry.load l ON l.id = w.load_id"
					+ " WHERE l.is_current")
			.query(Long.class)
			.single();
		return new Finding(dataset.name() + ": no duplicate keys among current rows", compared,
				differences.stream().map(d -> "key " + d).toList(), List.of());
	}

	private Finding oneCurrentPerSourceAndPeriod() {
		List<String> differences = jdbc.sql("""
				SELECT source_id || ' ' || period || ': ' || count(*) || ' current loads' FROM registry.load
				WHERE is_current GROUP BY source_id, period HAVING count(*) > 1
				UNION ALL
				SELECT 'load ' || id || ' is current but ' || status FROM registry.load
				WHERE is_current AND status <> 'loaded'""").query(String.class).list();
		long compared = jdbc.sql("SELECT count(*) FROM registry.load WHERE is_current").query(Long.class).single();
		return new Finding("one current load per source and period", compared, differences, List.of());
	}

	/**
	 * A file changed in the inbox after loading is a note: its new content loads as a
	 * correction.
	 */
	private Finding checksums() {
		List<String> notes = new ArrayList<>();
		List<String[]> loaded = jdbc
			.sql("SELECT file_path, sha256 FROM registry.load WHERE status IN ('loaded', 'superseded')")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		long compared = 0;
		for (String[] load : loaded) {
			Path file = ingest.inbox().resolve(load[0]);
			if (!Files.isRegularFile(file)) {
				notes.add(load[0] + " is no longer in the inbox");
				continue;
			}
			compared++;
			String sha = sha256(file);
			if (!sha.equals(load[1])) {
				notes.add(load[0] + " changed since it was loaded (now " + sha.substring(0, 12) + "…)");
			}
		}
		return new Finding("loaded files match their recorded SHA-256", compared, List.of(), notes);
	}

	private static String sha256(Path file) {
		try {
			return FileDigests.sha256(file);
		}
		catch (IOException ex) {
			return "unreadable: " + ex.getMessage();
		}
	}

}
