package org.tally.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the warehouse lives: an external PostgreSQL when {@code url} is set
 * (TALLY_DB_URL, TALLY_DB_USER, TALLY_DB_PASSWORD), otherwise the embedded server on
 * {@code dataDir}/postgres.
 */
@ConfigurationProperties("tally.db")
public record DatabaseProperties(String url, String user, String password, @DefaultValue("./data") Path dataDir,
		@DefaultValue("8") int poolSize, @DefaultValue("5s") java.time.Duration connectionTimeout) {

	public boolean external() {
		return url != null && !url.isBlank();
	}
}
