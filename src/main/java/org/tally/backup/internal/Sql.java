package org.tally.backup.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/** Identifiers quoted by the driver: table and column names come from the catalog. */
public final class Sql {

	private Sql() {
	}

	public static String qualified(Connection c, String schema, String name) throws SQLException {
		PGConnection pg = c.unwrap(PGConnection.class);
		return pg.escapeIdentifier(schema) + "." + pg.escapeIdentifier(name);
	}

	public static String columns(Connection c, List<String> columns) throws SQLException {
		PGConnection pg = c.unwrap(PGConnection.class);
		StringBuilder list = new StringBuilder();
		for (String column : columns) {
			list.append(list.isEmpty() ? "" : ", ").append(pg.escapeIdentifier(column));
		}
		return list.toString();
	}

	/** CREATE TABLE for a table only the archive knows, from its manifest's columns. */
	public static String createTable(Connection c, String schema, String name, List<String> columns, List<String> types)
			throws SQLException {
		PGConnection pg = c.unwrap(PGConnection.class);
		StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(qualified(c, schema, name)).append(" (");
		for (int i = 0; i < columns.size(); i++) {
			ddl.append(i == 0 ? "" : ", ").append(pg.escapeIdentifier(columns.get(i))).append(' ').append(types.get(i));
		}
		return ddl.append(')').toString();
	}

}
