package org.tally.database;

import java.net.URI;

/**
 * Where readers connect: host, port and database of the warehouse and its reporting
 * schema, as a JDBC URL and a libpq connection string (never a password).
 */
public record WarehouseAddress(String host, int port, String database, String schema) {

	static final String SCHEMA = "reporting";

	/** From a JDBC URL such as jdbc:postgresql://db.example:5432/tally?ssl=true. */
	static WarehouseAddress ofJdbcUrl(String url) {
		URI uri = URI.create(url.substring("jdbc:".length()));
		String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
		return new WarehouseAddress(uri.getHost() == null ? "localhost" : uri.getHost(),
				uri.getPort() < 0 ? 5432 : uri.getPort(), path.isEmpty() ? "postgres" : path, SCHEMA);
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?currentSchema=" + schema;
	}

	public String libpq() {
		return "host=" + host + " port=" + port + " dbname=" + database + " options='-c search_path=" + schema + "'";
	}

}
