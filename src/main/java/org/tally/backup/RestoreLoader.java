package org.tally.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.tally.backup.internal.Sql;
import org.tally.backup.internal.SnapshotCatalog;
import org.tally.backup.internal.SnapshotCatalog.TableShape;
import org.tally.backup.internal.TableCopy;

/**
 * Loads an archive's tables into a database whose tables Flyway and the dataset config
 * have just created, in one transaction: each COPY file is checked against the manifest
 * (rows and SHA-256) as it streams in, the sequences are set where they stood, and the
 * rows are counted again once committed.
 */
final class RestoreLoader {

	private final DataSource dataSource;

	RestoreLoader(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Loads the rows; answers the tables it had to create from the manifest. */
	List<String> load(Path archive, BackupManifest manifest) throws IOException, SQLException {
		Map<String, BackupManifest.Table> tables = new LinkedHashMap<>();
		manifest.tables().forEach(t -> tables.put(t.qualifiedName(), t));
		List<String> created = new ArrayList<>();
		try (ZipFile zip = new ZipFile(archive.toFile()); Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				Map<String, TableShape> existing = SnapshotCatalog.tablesByName(c);
				for (BackupManifest.Table table : tables.values()) {
					prepare(c, table, existing.get(table.qualifiedName()), created);
				}
				truncate(c, tables.values());
				for (String name : SnapshotCatalog.loadOrder(c, List.copyOf(tables.keySet()))) {
					copyIn(c, zip, archive, tables.get(name));
				}
				for (BackupManifest.Sequence sequence : manifest.sequences()) {
					setSequence(c, sequence);
				}
				c.commit();
			}
			catch (SQLException | IOException | RuntimeException ex) {
				c.rollback();
				throw ex;
			}
			recount(c, tables.values());
		}
		return created;
	}

	private static void prepare(Connection c, BackupManifest.Table table, TableShape existing, List<String> created)
			throws SQLException {
		List<String> names = table.columns().stream().map(BackupManifest.Column::name).toList();
		if (existing == null) {
			// A table neither this Flyway nor this dataset config makes (a dataset
			// dropped from
			// the config, a legacy staging copy): its rows are kept in the shape they
			// had.
			try (Statement s = c.createStatement()) {
				s.execute(
						"CREATE SCHEMA IF NOT EXISTS " + c.unwrap(PGConnection.class).escapeIdentifier(table.schema()));
				s.execute(Sql.createTable(c, table.schema(), table.name(), names,
						table.columns().stream().map(BackupManifest.Column::type).toList()));
			}
			created.add(table.qualifiedName());
			return;
		}
		for (BackupManifest.Column column : table.columns()) {
			int at = existing.columns().indexOf(column.name());
			if (at < 0 || !existing.types().get(at).equals(column.type())) {
				throw new BackupException("cannot restore " + table.qualifiedName() + ": the archive holds column '"
						+ column.name() + "' (" + column.type() + "), the restored schema "
						+ (at < 0 ? "has no such column" : "has it as " + existing.types().get(at))
						+ "; restore with the configuration the backup was taken with", null);
			}
		}
	}

	/**
	 * Start-up may have written a row or two (accounts, schedules): the archive's win.
	 */
	private static void truncate(Connection c, Iterable<BackupManifest.Table> tables) throws SQLException {
		List<String> names = new ArrayList<>();
		for (BackupManifest.Table table : tables) {
			names.add(Sql.qualified(c, table.schema(), table.name()));
		}
		if (!names.isEmpty()) {
			try (Statement s = c.createStatement()) {
				s.execute("TRUNCATE " + String.join(", ", names));
			}
		}
	}

	private static void copyIn(Connection c, ZipFile zip, Path archive, BackupManifest.Table table)
			throws SQLException, IOException {
		ZipEntry entry = zip.getEntry(table.file());
		if (entry == null) {
			throw new BackupException(archive + " lacks " + table.file() + ", which its manifest lists", null);
		}
		List<String> columns = table.columns().stream().map(BackupManifest.Column::name).toList();
		TableCopy.Copied copied;
		try (InputStream in = zip.getInputStream(entry)) {
			copied = TableCopy.in(c, table.schema(), table.name(), columns, in);
		}
		if (!copied.sha256().equals(table.sha256()) || copied.rows() != table.rows()) {
			throw new BackupException(archive + ": " + table.file() + " does not match the manifest: " + copied.rows()
					+ " rows, SHA-256 " + copied.sha256() + "; the manifest says " + table.rows() + " rows, SHA-256 "
					+ table.sha256(), null);
		}
	}

	private static void setSequence(Connection c, BackupManifest.Sequence sequence) throws SQLException {
		String name = Sql.qualified(c, sequence.schema(), sequence.name());
		try (PreparedStatement s = c
			.prepareStatement("SELECT setval(to_regclass(?), ?, ?) WHERE to_regclass(?) IS NOT NULL")) {
			s.setString(1, name);
			s.setLong(2, sequence.lastValue());
			s.setBoolean(3, sequence.called());
			s.setString(4, name);
			s.execute();
		}
	}

	private static void recount(Connection c, Iterable<BackupManifest.Table> tables) throws SQLException {
		c.setAutoCommit(true);
		for (BackupManifest.Table table : tables) {
			try (Statement s = c.createStatement();
					ResultSet rs = s
						.executeQuery("SELECT count(*) FROM " + Sql.qualified(c, table.schema(), table.name()))) {
				rs.next();
				if (rs.getLong(1) != table.rows()) {
					throw new BackupException("restored " + table.qualifiedName() + " holds " + rs.getLong(1)
							+ " rows; the manifest says " + table.rows(), null);
				}
			}
		}
	}

}
