package org.tally.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server on a persistent data directory, locked with passwords
 * ({@link EmbeddedRoles}). Exactly one postmaster ever runs on a directory: a process
 * that finds one alive connects to it instead of starting its own.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	static final String DATABASE = "tally";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final Path dataDirectory;

	private final EmbeddedPostgres started;

	private final int port;

	private final EmbeddedCredentials credentials;

	private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres started, int port,
			EmbeddedCredentials credentials) {
		this.dataDirectory = dataDirectory;
		this.started = started;
		this.port = port;
		this.credentials = credentials;
	}

	/**
	 * Connects to the server already running on {@code dataDirectory}, or starts one
	 * there on a free port.
	 */
	public static EmbeddedPostgresServer attachOrStart(Path dataDirectory) {
		return attachOrStart(dataDirectory, 0);
	}

	/**
	 * Connects to the server already running on {@code dataDirectory} (on whatever port
	 * it listens), or starts one there on {@code port} (0: any free port).
	 */
	public static EmbeddedPostgresServer attachOrStart(Path dataDirectory, int port) {
		Path pgData = dataDirectory.resolve("postgres").toAbsolutePath();
		EmbeddedCredentials credentials = EmbeddedCredentials.readOrCreate(dataDirectory.toAbsolutePath());
		Optional<Integer> running = runningServerPort(pgData);
		if (running.isPresent()) {
			log.info("Using the embedded PostgreSQL already running on {} (port {})", pgData, running.get());
			return secured(new EmbeddedPostgresServer(pgData, null, running.get(), credentials));
		}
		Path passwordFile = null;
		try {
			Files.createDirectories(pgData);
			PostmasterPidFile.removeIfStale(pgData);
			if (port != 0) {
				EmbeddedPorts.requireFree(port, pgData);
			}
			// initdb reads the superuser's password from a file of its own (first line).
			passwordFile = Files.createTempFile(dataDirectory.toAbsolutePath(), ".initdb", ".pw",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(passwordFile, credentials.password(EmbeddedCredentials.SUPERUSER) + "\n");
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (port != 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres pg = builder.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				// The library runs initdb with trust; these options come after and win.
				.setLocaleConfig("auth-host", "scram-sha-256")
				.setLocaleConfig("auth-local", "scram-sha-256")
				.setLocaleConfig("pwfile", passwordFile.toString())
				// Its readiness check connects as the superuser.
				.setConnectConfig("password", credentials.password(EmbeddedCredentials.SUPERUSER))
				// Defaults favour tests (fsync off); this directory holds the warehouse
				// and must survive a crash.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("listen_addresses", "127.0.0.1")
				// A checkpoint in the middle of a load of millions of rows makes the
				// first scans of the rows written before it (promotion, the checks,
				// the figures) log every page again as they set its hint bits (data
				// checksums are on): with room for 4 GB of WAL a load of five million
				// rows fits between two checkpoints (docs/performance.md).
				.setServerConfig("max_wal_size", "4GB")
				.setPGStartupWait(Duration.ofSeconds(60))
				// No JVM shutdown hook of the library's: it would stop the server even
				// while other Tally processes use it. close() (the context's shutdown)
				// stops it only when none are connected.
				.setRegisterShutdownHook(false)
				.start();
			log.info("Started embedded PostgreSQL on {} (port {})", pgData, pg.getPort());
			return secured(new EmbeddedPostgresServer(pgData, pg, pg.getPort(), credentials));
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof EmbeddedDatabaseException) {
				throw (EmbeddedDatabaseException) ex;
			}
			// Another process may have won the race to start on this directory:
			// PostgreSQL's own lock refuses a second postmaster, so connect to the
			// winner if there is one.
			Optional<Integer> winner = runningServerPort(pgData);
			if (winner.isPresent()) {
				return secured(new EmbeddedPostgresServer(pgData, null, winner.get(), credentials));
			}
			throw new EmbeddedDatabaseException(
					"cannot start the embedded PostgreSQL on " + pgData + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(passwordFile);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot delete " + file, ex);
			}
		}
	}

	public int port() {
		return port;
	}

	Path dataDirectory() {
		return dataDirectory;
	}

	EmbeddedCredentials credentials() {
		return credentials;
	}

	String jdbcUrl() {
		return jdbcUrl(DATABASE);
	}

	private String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/**
	 * A connection as {@code role}, named like this process's pool so that
	 * {@link #close()} does not count it as another process's.
	 */
	Connection connect(String database, String role) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", role);
		properties.setProperty("password", credentials.password(role));
		properties.setProperty("ApplicationName", applicationName());
		return DriverManager.getConnection(jdbcUrl(database), properties);
	}

	static String applicationName() {
		return "tally-pool-" + ProcessHandle.current().pid();
	}

	/** True while the superuser could still connect without a password. */
	boolean acceptsWithoutPassword() {
		try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), EmbeddedCredentials.SUPERUSER, "")) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static EmbeddedPostgresServer secured(EmbeddedPostgresServer server) {
		new EmbeddedRoles(server, server.credentials).secure();
		return server;
	}

	/**
	 * Reads postmaster.pid (line 1 pid, line 4 port) and answers the port when that
	 * postmaster is alive and its port answers as PostgreSQL. A stale file, left by a
	 * killed server or naming a pid since reused by another process, is ignored.
	 */
	static Optional<Integer> runningServerPort(Path pgData) {
		return PostmasterPidFile.read(pgData).filter(PostmasterPidFile::isLiveServer).map(PostmasterPidFile::port);
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
		try (Connection c = connect(DATABASE, EmbeddedCredentials.SUPERUSER);
				var others = c
					.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
							+ " AND pid <> pg_backend_pid() AND application_name <> ?")) {
			others.setString(1, applicationName());
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
