package org.tally.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tally.database.DatabaseProperties;
import org.tally.warehouse.DatasetTables;

/**
 * Backs the warehouse up into one archive and restores an archive into a fresh embedded
 * database (docs/operations.md, "Backups").
 */
@Component
@EnableConfigurationProperties(BackupProperties.class)
public class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	private final DataSource dataSource;

	private final DatasetTables datasetTables;

	private final ObjectProvider<Flyway> flyway;

	private final DatabaseProperties database;

	Backups(DataSource dataSource, DatasetTables datasetTables, ObjectProvider<Flyway> flyway,
			DatabaseProperties database) {
		this.dataSource = dataSource;
		this.datasetTables = datasetTables;
		this.flyway = flyway;
		this.database = database;
	}

	/** The version `tally --version` names, as the manifest records it. */
	public static String tallyVersion() {
		return Objects.requireNonNullElse(Backups.class.getPackage().getImplementationVersion(), "0.1");
	}

	/** The latest migration this code carries (db/migration/V*__*.sql). */
	public static String codeFlywayVersion() {
		try {
			Resource[] migrations = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/migration/V*__*.sql");
			return Arrays.stream(migrations)
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.')))
				.max(MigrationVersion::compareTo)
				.map(MigrationVersion::getVersion)
				.orElse("0");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the Flyway migrations", ex);
		}
	}

	/** Whether an archive's schema is newer than this code can create. */
	public static boolean newerThanCode(BackupManifest manifest) {
		return MigrationVersion.fromVersion(manifest.flywayVersion())
			.isNewerThan(MigrationVersion.fromVersion(codeFlywayVersion()).getVersion());
	}

	/**
	 * Whether the warehouse is an external PostgreSQL, whose backups are the operator's.
	 */
	public boolean external() {
		return database.external();
	}

	/** Writes a consistent archive of the whole warehouse to {@code out}. */
	public BackupReport backUp(Path out) {
		if (external()) {
			throw new BackupException(
					"the warehouse is an external PostgreSQL: back it up with its operator's "
							+ "backups (pg_dump, or the managed service's snapshots), see docs/operations.md#backups",
					null);
		}
		try {
			BackupReport report = new BackupWriter(dataSource).write(out);
			log.info("backup={} bytes={} tables={} rows={} flyway={}", report.file(), report.bytes(),
					report.manifest().tables().size(), report.manifest().rows(), report.manifest().flywayVersion());
			return report;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the backup " + out + ": " + ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			throw new BackupException("cannot back up the warehouse into " + out + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Restores {@code archive} into this context's database, which Flyway has migrated to
	 * the archive's version and which holds no data yet; then migrates it to this code's
	 * version.
	 */
	public RestoreReport restore(Path archive) {
		BackupManifest manifest = BackupManifest.read(archive);
		Flyway migrations = flyway.getObject();
		String current = Objects.toString(migrations.info().current().getVersion(), "none");
		if (!MigrationVersion.fromVersion(manifest.flywayVersion()).equals(migrations.info().current().getVersion())) {
			throw new BackupException("the database is at Flyway version " + current + ", the archive "
					+ manifest.flywayVersion() + ": restore into a fresh data directory with `tally restore`", null);
		}
		datasetTables.prepare();
		try {
			List<String> created = new RestoreLoader(dataSource).load(archive, manifest);
			int later = Flyway.configure(migrations.getConfiguration().getClassLoader())
				.configuration(migrations.getConfiguration())
				.target(MigrationVersion.LATEST)
				.load()
				.migrate().migrationsExecuted;
			log.info("restored={} tables={} rows={} later-migrations={}", archive, manifest.tables().size(),
					manifest.rows(), later);
			return new RestoreReport(manifest, manifest.rows(), created, later);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the backup " + archive + ": " + ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			throw new BackupException("cannot restore " + archive + ": " + ex.getMessage(), ex);
		}
	}

}
