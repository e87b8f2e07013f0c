package org.tally.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server on a persistent data directory. Exactly one postmaster
 * ever runs on a directory: a process that finds one alive connects to it instead of
 * starting its own.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	static final String DATABASE = "tally";
	static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final Path dataDirectory;

	private final EmbeddedPostgres started;

	private final int port;

	private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres started, int port) {
		this.dataDirectory = dataDirectory;
		this.started = started;
		this.port = port;
	}

	/**
	 * Connects to the server already running on {@code dataDirectory}, or starts one
	 * there.
	 */
	static EmbeddedPostgresServer attachOrStart(Path dataDirectory) {
		Path pgData = dataDirectory.resolve("postgres").toAbsolutePath();
		Optional<Integer> running = runningServerPort(pgData);
		if (running.isPresent()) {
			log.info("Using the embedded PostgreSQL already running on {} (port {})", pgData, running.get());
			return ready(new EmbeddedPostgresServer(pgData, null, running.get()));
		}
		try {
			Files.createDirectories(pgData);
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				// Defaults favour tests (fsync off); this directory holds the warehouse
				// and must survive a crash.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setPGStartupWait(Duration.ofSeconds(60))
				// No JVM shutdown hook of the library's: it would stop the server even
				// while other Tally
				// processes use it. close() (the context's shutdown) stops it only when
				// none are connected.
				.setRegisterShutdownHook(false)
				.start();
			log.info("Started embedded PostgreSQL on {} (port {})", pgData, pg.getPort());
			return ready(new EmbeddedPostgresServer(pgData, pg, pg.getPort()));
		}
		catch (IOException | RuntimeException ex) {
			// Another process may have won the race to start on this directory:
			// PostgreSQL's own
			// lock refuses a second postmaster, so connect to the winner if there is one.
			Optional<Integer> winner = runningServerPort(pgData);
			if (winner.isPresent()) {
				return ready(new EmbeddedPostgresServer(pgData, null, winner.get()));
			}
			throw new EmbeddedDatabaseException(
					"cannot start the embedded PostgreSQL on " + pgData + ": " + ex.getMessage(), ex);
		}
	}

	int port() {
		return port;
	}

	Path dataDirectory() {
		return dataDirectory;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
	}

	private static EmbeddedPostgresServer ready(EmbeddedPostgresServer server) {
		server.createDatabaseIfMissing();
		return server;
	}

	private void createDatabaseIfMissing() {
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
		try (Connection c = DriverManager.getConnection(url, USER, "");
				var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, DATABASE);
			try (ResultSet rs = exists.executeQuery()) {
				if (!rs.next()) {
					try (Statement create = c.createStatement()) {
						create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
					}
				}
			}
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) { // duplicate_database: a concurrent
														// process created it
				throw new EmbeddedDatabaseException(
						"cannot prepare database '" + DATABASE + "' on port " + port + ": " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * Reads postmaster.pid (line 1 pid, line 4 port) and answers the port when that
	 * postmaster is alive. A stale file left by a killed server is ignored; PostgreSQL
	 * removes it on the next start.
	 */
	static Optional<Integer> runningServerPort(Path pgData) {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			if (lines.size() < 4) {
				return Optional.empty();
			}
			long pid = Long.parseLong(lines.get(0).trim());
			int port = Integer.parseInt(lines.get(3).trim());
			boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
			return alive ? Optional.of(port) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + pidFile, ex);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Stops the server this process started, unless other processes are still connected
	 * to it.
	 */
	@Override
	public void close() {
		if (started == null) {
			return;
		}
		if (otherClientsConnected()) {
			log.info("Leaving the embedded PostgreSQL on {} running: other Tally processes are connected",
					dataDirectory);
			return;
		}
		try {
			started.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot stop the embedded PostgreSQL on " + dataDirectory, ex);
		}
	}

	private boolean otherClientsConnected() {
		try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, "");
				var others = c
					.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
							+ " AND pid <> pg_backend_pid() AND application_name <> ?")) {
			others.setString(1, "tally-pool-" + ProcessHandle.current().pid());
			try (ResultSet rs = others.executeQuery()) {
				rs.next();
				return rs.getInt(1) > 0;
			}
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
