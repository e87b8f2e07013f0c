package org.tally.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.postgresql.PGConnection;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrates as Flyway always does, unless the schema is already current: then Flyway is
 * left alone, since its migrate (with its validation) reads every migration and the whole
 * history on each command's start. Current means: every versioned migration of the
 * classpath, and no other, applied with success; no target set; and the sql checks' role
 * granted what {@link CheckRoleGrants} grants after a migration. Anything else, a pending
 * migration first of all, goes through Flyway, which applies or refuses it as before.
 */
final class MigrateWhenBehind implements FlywayMigrationStrategy {

	private final CheckRoleGrants grants;

	MigrateWhenBehind(CheckRoleGrants grants) {
		this.grants = grants;
	}

	@Override
	public void migrate(Flyway flyway) {
		if (!current(flyway.getConfiguration())) {
			flyway.migrate();
		}
	}

	/** Whether the database holds exactly the classpath's migrations, all applied. */
	boolean current(Configuration configuration) {
		if (!MigrationVersion.LATEST.equals(configuration.getTarget()) || configuration.getJavaMigrations().length > 0
				|| configuration.isOutOfOrder()) {
			return false;
		}
		Set<MigrationVersion> code = codeVersions(configuration);
		if (code.isEmpty()) {
			return false;
		}
		try (Connection c = configuration.getDataSource().getConnection()) {
			return code.equals(appliedVersions(c, configuration)) && grants.granted(c);
		}
		catch (SQLException ex) {
			throw new FlywayException("cannot read the migration history: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The versions of the classpath's migrations; empty when a location holds anything
	 * but versioned SQL migrations (repeatable or Java ones: Flyway decides on those).
	 */
	private static Set<MigrationVersion> codeVersions(Configuration configuration) {
		String prefix = configuration.getSqlMigrationPrefix();
		String separator = configuration.getSqlMigrationSeparator();
		Set<MigrationVersion> versions = new HashSet<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		for (Location location : configuration.getLocations()) {
			if (!location.isClassPath()) {
				return Set.of();
			}
			try {
				for (Resource resource : resolver.getResources("classpath*:" + location.getRootPath() + "/**/*.*")) {
					String name = resource.getFilename();
					if (name == null || !resource.isReadable()) {
						continue;
					}
					int end = name.indexOf(separator);
					if (!name.startsWith(prefix) || end <= prefix.length() || !name.endsWith(".sql")) {
						return Set.of();
					}
					versions.add(MigrationVersion.fromVersion(name.substring(prefix.length(), end).replace('_', '.')));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot list the migrations in " + location, ex);
			}
		}
		return versions;
	}

	/**
	 * The versions applied with success; none when the history is missing or holds a
	 * failed or repeatable migration.
	 */
	private static Set<MigrationVersion> appliedVersions(Connection c, Configuration configuration)
			throws SQLException {
		String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
				: configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
		PGConnection pg = c.unwrap(PGConnection.class);
		String table = (schema == null ? "" : pg.escapeIdentifier(schema) + ".")
				+ pg.escapeIdentifier(configuration.getTable());
		try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			exists.setString(1, table);
			try (ResultSet rs = exists.executeQuery()) {
				if (!rs.next() || !rs.getBoolean(1)) {
					return Set.of();
				}
			}
		}
		Set<MigrationVersion> versions = new HashSet<>();
		// The table name is Flyway's configuration, quoted; no value enters the text.
		try (PreparedStatement history = c.prepareStatement("SELECT version, success FROM " + table);
				ResultSet rs = history.executeQuery()) {
			while (rs.next()) {
				if (rs.getString(1) == null || !rs.getBoolean(2)) {
					return Set.of();
				}
				versions.add(MigrationVersion.fromVersion(rs.getString(1)));
			}
		}
		return versions;
	}

}
