package org.tally.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource of the application (external PostgreSQL or the embedded server), and
 * the separate connections of the sql checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	/**
	 * The server probes a silent client after 10 s, every 5 s, and ends its session after
	 * 3 unanswered probes (settings any role may give its own session).
	 */
	static final String DEAD_CLIENT_PROBES = "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5"
			+ " -c tcp_keepalives_count=3";

	@Bean(destroyMethod = "close")
	EmbeddedPostgresHolder embeddedPostgres(DatabaseProperties properties) {
		return new EmbeddedPostgresHolder(properties.external() ? null
				: EmbeddedPostgresServer.attachOrStart(properties.dataDir(), properties.port()));
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties properties, EmbeddedPostgresHolder embedded) {
		HikariConfig config = poolConfig("tally", properties, embedded);
		config.setMaximumPoolSize(properties.poolSize());
		if (properties.external()) {
			config.setUsername(properties.user());
			config.setPassword(properties.password());
		}
		else {
			config.setUsername(EmbeddedCredentials.OWNER);
			config.setPassword(embedded.server().credentials().password(EmbeddedCredentials.OWNER));
		}
		// Bulk readers stream with a fetch size only outside autocommit; writers run in
		// explicit transactions.
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		return new HikariDataSource(config);
	}

	@Bean(destroyMethod = "close")
	SqlCheckDatabase sqlCheckDatabase(DatabaseProperties properties, EmbeddedPostgresHolder embedded) {
		String user;
		String password;
		if (properties.external()) {
			if (properties.checkUser() == null || properties.checkUser().isBlank()) {
				return SqlCheckDatabase.unavailable("on an external PostgreSQL the sql checks need a read-only role "
						+ "of their own: create it and set tally.db.check-user and tally.db.check-password "
						+ "(TALLY_DB_CHECK_USER, TALLY_DB_CHECK_PASSWORD), see docs/operations.md, \"Database roles\"");
			}
			if (properties.checkUser().equals(properties.user())) {
				return SqlCheckDatabase.unavailable("tally.db.check-user must be a role of its own, not Tally's '"
						+ properties.user() + "' (docs/operations.md, \"Database roles\")");
			}
			user = properties.checkUser();
			password = properties.checkPassword();
		}
		else {
			user = EmbeddedCredentials.CHECKER;
			password = embedded.server().credentials().password(EmbeddedCredentials.CHECKER);
		}
		HikariConfig config = poolConfig("tally-checks", properties, embedded);
		// One connection: checks run one after the other, and each finds the session
		// the previous one left (reset).
		config.setMaximumPoolSize(1);
		config.setMinimumIdle(0);
		// A wrong check role fails the sql checks with the server's reason, not the
		// start-up of every command.
		config.setInitializationFailTimeout(-1);
		config.setUsername(user);
		config.setPassword(password);
		return new SqlCheckDatabase(user, new HikariDataSource(config));
	}

	@Bean
	CheckRoleGrants checkRoleGrants(DatabaseProperties properties) {
		return new CheckRoleGrants(properties.external() ? properties.checkUser() : EmbeddedCredentials.CHECKER);
	}

	@Bean
	FlywayMigrationStrategy migrateWhenBehind(CheckRoleGrants grants) {
		return new MigrateWhenBehind(grants);
	}

	@Bean
	ReaderRoles readerRoles(DatabaseProperties properties, EmbeddedPostgresHolder embedded,
			HikariDataSource dataSource) {
		Set<String> reserved = new HashSet<>(
				Set.of(EmbeddedCredentials.SUPERUSER, EmbeddedCredentials.OWNER, EmbeddedCredentials.CHECKER));
		Stream.of(properties.user(), properties.checkUser()).filter(Objects::nonNull).forEach(reserved::add);
		ReaderRoles.Admin admin = properties.external() ? dataSource::getConnection
				: () -> embedded.server().connect(EmbeddedPostgresServer.DATABASE, EmbeddedCredentials.SUPERUSER);
		return new ReaderRoles(dataSource, admin, Set.copyOf(reserved));
	}

	@Bean
	WarehouseAddress warehouseAddress(DatabaseProperties properties, EmbeddedPostgresHolder embedded) {
		return properties.external() ? WarehouseAddress.ofJdbcUrl(properties.url()) : new WarehouseAddress("127.0.0.1",
				embedded.server().port(), EmbeddedPostgresServer.DATABASE, WarehouseAddress.SCHEMA);
	}

	private static HikariConfig poolConfig(String name, DatabaseProperties properties,
			EmbeddedPostgresHolder embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(name);
		// When the server goes away under a run, every step's bookkeeping waits for a
		// connection in turn: a short timeout (Hikari's default is 30 s) lets the run end
		// FAILED within a minute (fault suite).
		config.setConnectionTimeout(properties.connectionTimeout().toMillis());
		config.setValidationTimeout(2_000);
		config.setJdbcUrl(properties.external() ? properties.url() : embedded.server().jdbcUrl());
		config.addDataSourceProperty("ApplicationName", EmbeddedPostgresServer.applicationName());
		// A node whose host dies sends no FIN: the server would keep its sessions, and
		// so the run lock, for the operating system's two hours, and no other node
		// could take the run over. Probing idle clients ends them within about 25 s.
		config.addDataSourceProperty("options", DEAD_CLIENT_PROBES);
		return config;
	}

	/**
	 * Keeps the embedded server's lifecycle tied to the context: the pools close first,
	 * then the server.
	 */
	record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
		@Override
		public void close() {
			if (server != null) {
				server.close();
			}
		}
	}

}
