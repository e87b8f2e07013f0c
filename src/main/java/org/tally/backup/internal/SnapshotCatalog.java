package org.tally.backup.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a backup covers, read in its snapshot: every ordinary table of every schema in the
 * database, and every sequence, except Flyway's history (the restore's Flyway writes its
 * own) and Quartz's tables (the schedules are declared by jobs/*.yml and installed again
 * by `tally serve`; a trigger caught mid-fire would never fire again).
 */
public final class SnapshotCatalog {

	private static final String OURS = """
			n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			AND NOT (n.nspname = 'public' AND (c.relname = 'flyway_schema_history' OR c.relname LIKE 'qrtz\\_%'))""";

	private static final String TABLES = """
			SELECT n.nspname, c.relname, array_agg(a.attname::text ORDER BY a.attnum),
			       array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
			WHERE c.relkind = 'r' AND %s
			GROUP BY n.nspname, c.relname ORDER BY 1, 2""".formatted(OURS);

	private static final String SEQUENCES = """
			SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind = 'S' AND %s ORDER BY 1, 2""".formatted(OURS);

	private static final String FOREIGN_KEYS = """
			SELECT cn.nspname || '.' || c.relname, rn.nspname || '.' || r.relname
			FROM pg_constraint k
			JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
			JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
			WHERE k.contype = 'f' AND k.conrelid <> k.confrelid""";

	/** A table and its columns, as in the database. */
	public record TableShape(String schema, String name, List<String> columns, List<String> types) {

		public String qualifiedName() {
			return schema + "." + name;
		}

	}

	/** A sequence's position. */
	public record SequencePosition(String schema, String name, long lastValue, boolean called) {
	}

	private SnapshotCatalog() {
	}

	public static List<TableShape> tables(Connection c) throws SQLException {
		List<TableShape> tables = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
			while (rs.next()) {
				tables.add(new TableShape(rs.getString(1), rs.getString(2), strings(rs.getArray(3)),
						strings(rs.getArray(4))));
			}
		}
		return tables;
	}

	/** The tables by qualified name (schema.name, unquoted). */
	public static Map<String, TableShape> tablesByName(Connection c) throws SQLException {
		Map<String, TableShape> byName = new LinkedHashMap<>();
		tables(c).forEach(t -> byName.put(t.qualifiedName(), t));
		return byName;
	}

	public static List<SequencePosition> sequences(Connection c) throws SQLException {
		List<String[]> names = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SEQUENCES)) {
			while (rs.next()) {
				names.add(new String[] { rs.getString(1), rs.getString(2) });
			}
		}
		List<SequencePosition> positions = new ArrayList<>();
		for (String[] name : names) {
			try (Statement s = c.createStatement();
					ResultSet rs = s
						.executeQuery("SELECT last_value, is_called FROM " + Sql.qualified(c, name[0], name[1]))) {
				rs.next();
				positions.add(new SequencePosition(name[0], name[1], rs.getLong(1), rs.getBoolean(2)));
			}
		}
		return positions;
	}

	/**
	 * {@code tables} ordered so that a table comes after those its foreign keys point to:
	 * the restore loads them in this order under the constraints.
	 */
	public static List<String> loadOrder(Connection c, List<String> tables) throws SQLException {
		Map<String, Set<String>> references = new HashMap<>();
		try (PreparedStatement s = c.prepareStatement(FOREIGN_KEYS); ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				references.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getString(2));
			}
		}
		List<String> ordered = new ArrayList<>();
		Set<String> placed = new java.util.HashSet<>();
		Set<String> wanted = Set.copyOf(tables);
		for (String table : tables) {
			place(table, references, wanted, placed, ordered, new java.util.HashSet<>());
		}
		return ordered;
	}

	private static void place(String table, Map<String, Set<String>> references, Set<String> wanted, Set<String> placed,
			List<String> ordered, Set<String> visiting) {
		if (placed.contains(table) || !visiting.add(table)) {
			return;
		}
		for (String referenced : references.getOrDefault(table, Set.of())) {
			if (wanted.contains(referenced)) {
				place(referenced, references, wanted, placed, ordered, visiting);
			}
		}
		placed.add(table);
		ordered.add(table);
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

}
