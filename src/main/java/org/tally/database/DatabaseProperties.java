package org.tally.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the warehouse lives: an external PostgreSQL when {@code url} is set
 * (TALLY_DB_URL, TALLY_DB_USER, TALLY_DB_PASSWORD, and for the sql checks' read-only role
 * TALLY_DB_CHECK_USER, TALLY_DB_CHECK_PASSWORD), otherwise the embedded server on
 * {@code dataDir}/postgres, listening on 127.0.0.1:{@code port} (TALLY_DB_PORT; 0 picks a
 * free port at each start) so that BI tools and readers have a stable place to connect.
 */
@ConfigurationProperties("tally.db")
public record DatabaseProperties(String url, String user, String password, String checkUser, String checkPassword,
		@DefaultValue("./data") Path dataDir, @DefaultValue("8") int poolSize,
		@DefaultValue("5s") Duration connectionTimeout, @DefaultValue("" + DEFAULT_PORT) int port) {

	/** The embedded server's port unless configured: next to PostgreSQL's 5432. */
	public static final int DEFAULT_PORT = 54329;

	public boolean external() {
		return url != null && !url.isBlank();
	}
}
