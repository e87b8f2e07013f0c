package org.tally.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the warehouse lives: an external PostgreSQL when {@code url} is set
 * (TALLY_DB_URL, TALLY_DB_USER, TALLY_DB_PASSWORD, and for the sql checks' read-only role
 * TALLY_DB_CHECK_USER, TALLY_DB_CHECK_PASSWORD), otherwise the embedded server on
 * {@code dataDir}/postgres.
 */
@ConfigurationProperties("tally.db")
public record DatabaseProperties(String url, String user, String password, String checkUser, String checkPassword,
		@DefaultValue("./data") Path dataDir, @DefaultValue("8") int poolSize,
		@DefaultValue("5s") Duration connectionTimeout) {

	public boolean external() {
		return url != null && !url.isBlank();
	}
}
