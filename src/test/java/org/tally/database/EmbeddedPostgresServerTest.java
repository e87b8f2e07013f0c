package org.tally.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One postmaster per data directory, durable settings, and data that outlives the server.
 */
class EmbeddedPostgresServerTest {

	@TempDir
	Path dataDir;

	@Test
	void givenASecondProcessOnTheSameDirectory_itConnectsToTheRunningServerInsteadOfStartingAnother() throws Exception {
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			EmbeddedPostgresServer second = EmbeddedPostgresServer.attachOrStart(dataDir);

			assertThat(second.port()).isEqualTo(first.port());
			assertThat(EmbeddedPostgresServer.runningServerPort(dataDir.resolve("postgres"))).contains(first.port());
			second.close(); // attached, not started: closing it must leave the server
							// running
			assertThat(query(first, "SELECT 1")).isEqualTo("1");
		}
		assertThat(EmbeddedPostgresServer.runningServerPort(dataDir.resolve("postgres"))).isEmpty();
	}

	@Test
	void givenTheServer_itIsDurableWithFsyncAndSynchronousCommitOn() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			assertThat(query(server, "SHOW fsync")).isEqualTo("on");
			assertThat(query(server, "SHOW synchronous_commit")).isEqualTo("on");
			assertThat(query(server, "SHOW server_version")).startsWith("18.");
		}
	}

	@Test
	void givenTheServer_aLoadOfMillionsOfRowsFitsBetweenTwoCheckpoints() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			assertThat(query(server, "SHOW max_wal_size")).isEqualTo("4GB");
			assertThat(query(server, "SHOW data_checksums")).isEqualTo("on");
		}
	}

	@Test
	void givenDataWrittenBeforeAStop_itIsThereAfterTheNextStart() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			execute(server, "CREATE TABLE kept (v text)");
			execute(server, "INSERT INTO kept VALUES ('600余亿元')");
		}
		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			assertThat(query(again, "SELECT v FROM kept")).isEqualTo("600余亿元");
		}
	}

	private static String query(EmbeddedPostgresServer server, String sql) throws Exception {
		try (Connection c = server.connect(EmbeddedPostgresServer.DATABASE, EmbeddedCredentials.OWNER);
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
		try (Connection c = server.connect(EmbeddedPostgresServer.DATABASE, EmbeddedCredentials.OWNER);
				Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

}
