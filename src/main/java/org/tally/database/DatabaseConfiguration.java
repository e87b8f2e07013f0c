package org.tally.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one DataSource of the application: external PostgreSQL or the embedded server. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresHolder embeddedPostgres(DatabaseProperties properties) {
		return new EmbeddedPostgresHolder(
				properties.external() ? null : EmbeddedPostgresServer.attachOrStart(properties.dataDir()));
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties properties, EmbeddedPostgresHolder embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("tally");
		config.setMaximumPoolSize(properties.poolSize());
		// When the server goes away under a run, every step's bookkeeping waits for a
		// connection in turn: a short timeout (Hikari's default is 30 s) lets the run end
		// FAILED within a minute (fault suite).
		config.setConnectionTimeout(properties.connectionTimeout().toMillis());
		config.setValidationTimeout(2_000);
		if (properties.external()) {
			config.setJdbcUrl(properties.url());
			config.setUsername(properties.user());
			config.setPassword(properties.password());
		}
		else {
			config.setJdbcUrl(embedded.server().jdbcUrl());
			config.setUsername(EmbeddedPostgresServer.USER);
		}
		config.addDataSourceProperty("ApplicationName", "tally-pool-" + ProcessHandle.current().pid());
		// Bulk readers stream with a fetch size only outside autocommit; writers run in
		// explicit transactions.
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		return new HikariDataSource(config);
	}

	/**
	 * Keeps the embedded server's lifecycle tied to the context: the pool closes first,
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
