package org.tally.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.tally.backup.internal.SnapshotCatalog;
import org.tally.backup.internal.SnapshotCatalog.TableShape;
import org.tally.backup.internal.TableCopy;

/**
 * Writes the archive: every table in one repeatable-read, read-only snapshot, as
 * PostgreSQL's binary COPY, zipped with a manifest. Runs and the console go on meanwhile;
 * they see nothing of it but the ACCESS SHARE locks of the COPYs.
 */
final class BackupWriter {

	private final DataSource dataSource;

	BackupWriter(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	BackupReport write(Path out) throws IOException, SQLException {
		Path target = out.toAbsolutePath();
		Files.createDirectories(target.getParent());
		// The archive holds the password hashes of the console's accounts: owner only,
		// like the credentials file.
		Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			BackupManifest manifest;
			try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
					ZipOutputStream zip = new ZipOutputStream(file)) {
				zip.setLevel(Deflater.BEST_SPEED);
				manifest = writeSnapshot(zip);
				zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
				zip.write(manifest.toJson());
				zip.closeEntry();
			}
			// Seen whole or not at all: the scheduled backup's pruning counts only
			// finished archives.
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return new BackupReport(target, Files.size(target), manifest);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private BackupManifest writeSnapshot(ZipOutputStream zip) throws SQLException, IOException {
		try (Connection c = dataSource.getConnection()) {
			boolean autoCommit = c.getAutoCommit();
			c.setAutoCommit(false);
			c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			c.setReadOnly(true);
			try {
				// The first query takes the snapshot that every COPY below reads.
				List<TableShape> shapes = SnapshotCatalog.tables(c);
				String flyway = single(c, """
						SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
						ORDER BY installed_rank DESC LIMIT 1""");
				String postgres = single(c, "SHOW server_version");
				List<BackupManifest.Table> tables = new ArrayList<>();
				for (TableShape shape : shapes) {
					String file = "tables/" + shape.qualifiedName() + ".pgcopy";
					zip.putNextEntry(new ZipEntry(file));
					TableCopy.Copied copied = TableCopy.out(c, shape.schema(), shape.name(), shape.columns(), zip);
					zip.closeEntry();
					List<BackupManifest.Column> columns = new ArrayList<>();
					for (int i = 0; i < shape.columns().size(); i++) {
						columns.add(new BackupManifest.Column(shape.columns().get(i), shape.types().get(i)));
					}
					tables.add(new BackupManifest.Table(shape.schema(), shape.name(), file, columns, copied.rows(),
							copied.sha256()));
				}
				List<BackupManifest.Sequence> sequences = SnapshotCatalog.sequences(c)
					.stream()
					.map(s -> new BackupManifest.Sequence(s.schema(), s.name(), s.lastValue(), s.called()))
					.toList();
				return new BackupManifest(BackupManifest.FORMAT, Backups.tallyVersion(), flyway,
						Instant.now().toString(), postgres, tables, sequences);
			}
			finally {
				c.rollback();
				c.setReadOnly(false);
				c.setAutoCommit(autoCommit);
			}
		}
	}

	static String single(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

}
