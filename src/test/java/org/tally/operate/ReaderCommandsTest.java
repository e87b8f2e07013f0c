package org.tally.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.support.TallyCli;
import org.tally.support.TallyCli.Result;
import org.tally.database.EmbeddedCredentials;
import org.tally.database.EmbeddedPostgresServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given a fresh installation, `tally readers` adds a database account that reaches the
 * reporting schema at the address `tally warehouse info` prints, lists and removes it,
 * and every change lands in the audit log.
 */
class ReaderCommandsTest {

	@TempDir
	Path dataDir;

	@Test
	void givenAFreshInstallation_aReaderIsAddedConnectsAtTheWarehouseAddressAndIsRemoved() throws Exception {
		// Up for the whole test, as under `tally serve`: each command attaches to it.
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.attachOrStart(dataDir)) {
			readersAreManaged();
		}
	}

	private void readersAreManaged() throws Exception {
		Result added = tally("reader-password-1\n", "readers", "add", "bi_tool");
		assertThat(added.status()).as(added.err()).isZero();
		assertThat(added.out()).contains("reader bi_tool added");
		Result owner = tally("reader-password-1\n", "readers", "add", "tally");
		assertThat(owner.status()).isEqualTo(3);
		assertThat(owner.err()).contains("refused: ").contains("one of Tally's own roles");

		JsonNode info = JsonMapper.builder().build().readTree(tally("", "warehouse", "info", "--format", "json").out());
		assertThat(info.get("schema").asString()).isEqualTo("reporting");
		assertThat(info.get("jdbcUrl").asString()).startsWith("jdbc:postgresql://127.0.0.1:")
			.endsWith("/tally?currentSchema=reporting");
		assertThat(info.get("libpq").asString()).contains("dbname=tally").doesNotContain("password");
		assertThat(tally("", "readers", "list", "--format", "json").out()).contains("\"name\" : \"bi_tool\"");

		try (Connection c = DriverManager.getConnection(info.get("jdbcUrl").asString(), "bi_tool",
				"reader-password-1")) {
			assertThat(column(c, "SELECT current_schema()")).containsExactly("reporting");
			assertThat(column(c, "SELECT count(*) FROM figures")).containsExactly("0");
		}

		assertThat(tally("", "readers", "remove", "bi_tool").out()).contains("reader bi_tool removed");
		assertThat(tally("", "readers", "list").out()).contains("no readers");
		try (Connection c = DriverManager.getConnection(info.get("jdbcUrl").asString(), "tally",
				EmbeddedCredentials.of(dataDir).password(EmbeddedCredentials.OWNER))) {
			assertThat(column(c, "SELECT action || ' ' || target || ' ' || outcome FROM ops.audit ORDER BY id"))
				.containsExactly("add reader bi_tool ok", "add reader tally failed", "remove reader bi_tool ok");
		}
	}

	private static List<String> column(Connection c, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private Result tally(String stdin, String... args) {
		return new TallyCli(dataDir).run(stdin, args);
	}

}
