package org.tally.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL lets nobody in without a password, keeps its passwords where
 * only their owner reads them, takes over a directory created before it was locked, and
 * is not kept from starting by a postmaster.pid whose pid now belongs to someone else.
 */
class EmbeddedDatabaseLockTest {

	@TempDir
	Path dataDir;

	@Test
	void givenTheEmbeddedServer_thePostgresSuperuserWithAnEmptyPasswordIsRefused() {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			for (String database : new String[] { "postgres", EmbeddedPostgresServer.DATABASE }) {
				assertThatThrownBy(() -> DriverManager
					.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, "postgres", "")
					.close()).as(database).isInstanceOf(SQLException.class);
			}
		}
	}

	@Test
	void givenAFirstStart_thePasswordFileIsReadableByItsOwnerOnly() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			Path file = dataDir.resolve(EmbeddedCredentials.FILE_NAME);

			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(Files.readString(file)).contains(server.credentials().password(EmbeddedCredentials.SUPERUSER),
					server.credentials().password(EmbeddedCredentials.OWNER));
			try (Stream<Path> files = Files.list(dataDir)) {
				assertThat(files.map(f -> f.getFileName().toString()).toList())
					.as("no password file of initdb's left behind")
					.noneMatch(name -> name.endsWith(".pw"));
			}
		}
	}

	@Test
	void givenADirectoryInitialisedWithTrust_itIsMigratedAndKeepsItsData() throws Exception {
		Path pgData = dataDir.resolve("postgres");
		Files.createDirectories(pgData);
		// What earlier versions made: trust for every local connection, everything
		// owned by postgres.
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start()) {
			try (Connection c = DriverManager
				.getConnection("jdbc:postgresql://127.0.0.1:" + old.getPort() + "/postgres", "postgres", "");
					Statement s = c.createStatement()) {
				s.execute("CREATE DATABASE tally ENCODING 'UTF8' TEMPLATE template0");
			}
			try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + old.getPort() + "/tally",
					"postgres", ""); Statement s = c.createStatement()) {
				s.execute("CREATE SCHEMA publish");
				s.execute("CREATE TABLE publish.figure (id bigserial PRIMARY KEY, phrase text)");
				s.execute("INSERT INTO publish.figure (phrase) VALUES ('600余亿元')");
			}
		}

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			try (Connection c = server.connect(EmbeddedPostgresServer.DATABASE, EmbeddedCredentials.OWNER);
					Statement s = c.createStatement()) {
				s.execute("INSERT INTO publish.figure (phrase) VALUES ('约110亿元')");
				assertThat(strings(s, "SELECT phrase FROM publish.figure ORDER BY id")).isEqualTo("600余亿元,约110亿元");
				assertThat(strings(s, "SELECT tableowner FROM pg_tables WHERE schemaname = 'publish'"))
					.isEqualTo("tally");
				assertThat(strings(s, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).isEqualTo("f");
			}
			assertThat(server.acceptsWithoutPassword()).isFalse();
		}
	}

	@Test
	void givenAPostmasterPidWhosePidNowBelongsToAnotherProcess_startUpProceeds() throws Exception {
		int port;
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			port = first.port();
		}
		Process other = new ProcessBuilder("sleep", "600").start();
		try {
			Path pgData = dataDir.resolve("postgres");
			Files.writeString(pgData.resolve("postmaster.pid"), other.pid() + "\n" + pgData + "\n1700000000\n" + port
					+ "\n/tmp\n127.0.0.1\n  1234   5678\nready   \n", StandardCharsets.UTF_8);

			try (EmbeddedPostgresServer again = EmbeddedPostgresServer.attachOrStart(dataDir);
					Connection c = again.connect(EmbeddedPostgresServer.DATABASE, EmbeddedCredentials.OWNER);
					Statement s = c.createStatement()) {
				assertThat(strings(s, "SELECT 1")).isEqualTo("1");
			}
		}
		finally {
			other.destroy();
			other.waitFor();
		}
	}

	private static String strings(Statement s, String sql) throws SQLException {
		StringBuilder values = new StringBuilder();
		try (ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.append(values.isEmpty() ? "" : ",").append(rs.getString(1));
			}
		}
		return values.toString();
	}

}
