package org.tally.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import org.tally.support.ExternalPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given an external PostgreSQL set up as docs/operations.md asks (a non-superuser owner,
 * scram-sha-256, a read-only checks role): `tally` processes migrate it, run the seeds,
 * promote, reconcile and publish; the run lock holds across processes; reader accounts
 * work; and `tally backup` defers to the server's own backups. Debian's PostgreSQL here
 * and in CI, beside the embedded PostgreSQL every other test uses.
 */
@Tag("external-db")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalPostgresTest {

	Path work;

	ExternalPostgres server;

	Path inbox;

	@BeforeAll
	void anExternalServerAndTheSeedInbox() throws Exception {
		server = ExternalPostgres.start();
		work = Files.createTempDirectory("tally-external-db");
		inbox = work.resolve("inbox");
		FileSystemUtils.copyRecursively(Path.of("seeds/inbox"), inbox);
	}

	@AfterAll
	void stopTheServer() throws Exception {
		if (server != null) {
			server.close();
		}
		if (work != null) {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	@Test
	@Order(1)
	void givenAnEmptyDatabase_aRunMigratesItLoadsTheSeedsAndPublishesVerifiedFigures() throws Exception {
		Result run = tally("", "run");

		assertThat(run.status()).as(run.out()).isZero();
		try (Connection c = asOwner()) {
			assertThat(single(c, "SELECT count(*) FROM registry.load WHERE status = 'loaded' AND is_current"))
				.isEqualTo("8");
			assertThat(single(c, "SELECT bool_and(success) FROM flyway_schema_history")).isEqualTo("t");
			assertThat(single(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
				.isEqualTo("false");
		}
		JsonNode figures = json(tally("", "figures", "--format", "json", "--as-of", "2024-12-31")).get("figures");
		assertThat(figure(figures, "project_count").get("value").asString()).isEqualTo("140");
		assertThat(figure(figures, "started_projects").get("value").asString()).isEqualTo("87");
		assertThat(figures).allSatisfy(f -> assertThat(f.get("status").asString()).isEqualTo("verified"));
	}

	@Test
	@Order(2)
	void givenTheSeedsLoaded_theChecksPassAndRunAsTheReadOnlyRole() throws Exception {
		Result checks = tally("", "checks", "--format", "json");

		assertThat(checks.status()).as(checks.out()).isZero();
		try (Connection c = asOwner()) {
			assertThat(single(c, "SELECT count(*) FROM recon.check_result WHERE NOT passed AND severity = 'fail'"))
				.isEqualTo("0");
		}
	}

	@Test
	@Order(3)
	void givenTheRunLockHeldByAnotherSession_aRunIsRefusedWithExit3() throws Exception {
		try (Connection holder = asOwner(); Statement s = holder.createStatement()) {
			s.execute("SELECT pg_advisory_lock(31249, 1)");

			Result refused = tally("", "run");

			assertThat(refused.status()).as(refused.out()).isEqualTo(3);
			assertThat(refused.err()).contains("refused");
		}
	}

	@Test
	@Order(4)
	void givenAReaderAccount_itReadsReportingAndNothingElse() throws Exception {
		Result added = tally("reader-password-1\n", "readers", "add", "bi_external");

		assertThat(added.status()).as(added.out() + added.err()).isZero();
		try (Connection reader = DriverManager.getConnection(server.url(), "bi_external", "reader-password-1")) {
			assertThat(single(reader, "SELECT count(*) FROM reporting.projects WHERE period = '2024-12-31'"))
				.isEqualTo("140");
			assertThat(single(reader, "SELECT count(*) FROM reporting.projects_by_county")).isNotEqualTo("0");
			assertThatThrownBy(() -> single(reader, "SELECT count(*) FROM registry.load"))
				.hasMessageContaining("permission denied");
		}
		assertThat(tally("", "readers", "remove", "bi_external").status()).isZero();
	}

	@Test
	@Order(5)
	void givenAnExternalDatabase_backupRefusesAndPointsToTheServersOwnBackups() throws Exception {
		Result backup = tally("", "backup", "--out", work.resolve("x.zip").toString());

		assertThat(backup.status()).isEqualTo(3);
		assertThat(backup.err()).contains("external PostgreSQL").contains("pg_dump");
		assertThat(work.resolve("x.zip")).doesNotExist();
	}

	/** What a `tally` process printed and how it exited. */
	record Result(int status, String out, String err) {
	}

	/** A `tally` process on the external server, with {@code stdin} as its input. */
	private Result tally(String stdin, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), "org.tally.TallyApplication"));
		command.addAll(List.of(args));
		command.addAll(List.of("--config", "config", "--inbox", inbox.toString(), "--data-dir",
				work.resolve("data").toString()));
		Path out = Files.createTempFile(work, "out", ".txt");
		Path err = Files.createTempFile(work, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		builder.environment().putAll(server.environment());
		Process process = builder.start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		if (!process.waitFor(300, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("tally " + String.join(" ", args) + " did not end in 300 s");
		}
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private static JsonNode json(Result result) {
		assertThat(result.status()).as(result.err()).isZero();
		return JsonMapper.builder().build().readTree(result.out());
	}

	private static JsonNode figure(JsonNode figures, String id) {
		for (JsonNode figure : figures) {
			if (figure.get("id").asString().equals(id)) {
				return figure;
			}
		}
		throw new AssertionError("no figure " + id + " in " + figures);
	}

	private Connection asOwner() throws SQLException {
		return DriverManager.getConnection(server.url(), server.user(), server.password());
	}

	private static String single(Connection c, String sql) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

}
