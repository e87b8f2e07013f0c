package org.tally.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.TallyApplication;
import org.tally.database.EmbeddedCredentials;
import org.tally.database.EmbeddedPostgresServer;
import org.tally.operate.TallyCommandLine;
import org.tally.pipeline.RunHandle;
import org.tally.pipeline.RunLauncher;
import org.tally.pipeline.RunRequest;
import org.tally.support.Runs;
import org.tally.support.TallyTest;
import org.tally.support.TestInbox;

/**
 * The restore drill of docs/operations.md, "Backups": the seeds run, a backup is taken
 * while a second run is loading (held at its first write into warehouse.projects by a
 * lock that lets readers through), and the archive restored into a new data directory
 * holds the figures, their history, the checks, the registry and the audit exactly as
 * they stood when the backup was taken; verify-integrity finds nothing.
 */
@TallyTest
class RestoreDrillTest {

	/** What exists nowhere else: each table in full, in a stable order. */
	private static final List<String> HISTORY = List.of("publish.figure_version", "publish.figure_version_load",
			"recon.check_result", "registry.load", "registry.load_column", "registry.reject", "ops.audit");

	@Autowired
	RunLauncher runs;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestInbox inbox;

	@Autowired
	org.tally.support.TestWarehouse warehouse;

	@Autowired
	Backups backups;

	@BeforeEach
	void theSeedsRun() throws Exception {
		warehouse.reset();
		inbox.clear().withSeeds();
		Runs.launchedRun(runs, "drill-seeds");
	}

	@Test
	void givenABackupTakenWhileASecondRunLoads_theRestoreHoldsTheHistoryAsOfTheBackup(@TempDir Path temp)
			throws Exception {
		inbox.withLargeYearEndLedger(temp, 20_000);
		Path archive = temp.resolve("backups/drill.zip");
		Map<String, List<List<String>>> asOfBackup;
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			RunHandle second = runs
				.launch(new RunRequest(null, "test:drill-second:" + System.nanoTime(), List.of(), "test"), executor);
			// Held at its first chunk commit: the ingest step's bookkeeping row is locked
			// (a row lock, which the backup's reads pass).
			long step = await().pollInterval(Duration.ofMillis(5))
				.atMost(Duration.ofSeconds(60))
				.until(() -> warehouse.jdbc()
					.sql("SELECT step_execution_id FROM batch_step_execution WHERE status = 'STARTED' "
							+ "AND step_name = 'ingestSourceFilesStep'")
					.query(Long.class)
					.optional()
					.orElse(0L), id -> id > 0);
			try (Statement lock = blocker.createStatement()) {
				lock.execute("SELECT 1 FROM batch_step_execution WHERE step_execution_id = " + step + " FOR UPDATE");
			}
			await().atMost(Duration.ofSeconds(60))
				.until(() -> warehouse.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
						+ "AND query ILIKE 'UPDATE BATCH_STEP_EXECUTION%'") > 0);
			assertThat(warehouse.count("SELECT count(*) FROM registry.load WHERE status = 'pending'"))
				.as("the second run is still loading its ledger")
				.isOne();
			try (Connection original = dataSource.getConnection()) {
				asOfBackup = history(original);
			}

			BackupReport backup = backups.backUp(archive);

			assertThat(backup.manifest().tables()).extracting(BackupManifest.Table::qualifiedName)
				.containsAll(HISTORY)
				.contains("warehouse.projects", "public.batch_job_execution")
				.doesNotContain("public.flyway_schema_history", "public.qrtz_triggers");
			blocker.rollback();
			assertThat(second.report().get(180, TimeUnit.SECONDS).completed()).isTrue();
		}
		finally {
			executor.shutdownNow();
		}
		try (Connection original = dataSource.getConnection()) {
			assertThat(history(original)).as("the original moved on after the backup").isNotEqualTo(asOfBackup);
		}

		Path restored = temp.resolve("restored");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = TallyCommandLine.execute(TallyApplication.class, new PrintWriter(out), new PrintWriter(err),
				"restore", archive.toString(), "--data-dir", restored.toString(), "--config", "config", "--inbox",
				"seeds/inbox");

		assertThat(status).as(out + "\n" + err).isZero();
		assertThat(out.toString()).contains("Manifest verified").contains(", 0 differences");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.attachOrStart(restored);
				Connection copy = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/tally",
						EmbeddedCredentials.OWNER,
						EmbeddedCredentials.of(restored).password(EmbeddedCredentials.OWNER))) {
			assertThat(history(copy)).isEqualTo(asOfBackup);
		}
	}

	@Test
	void givenTheCommandLine_backupWritesAnOwnerOnlyArchiveAndSaysWhatItHolds(@TempDir Path temp) throws Exception {
		Path archive = temp.resolve("cli.zip");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int status = TallyCommandLine.execute(TallyApplication.class, new PrintWriter(out), new PrintWriter(err),
				"backup", "--out", archive.toString(), "--data-dir", "target/it-data", "--config", "config");

		assertThat(status).as(out + "\n" + err).isZero();
		BackupManifest manifest = BackupManifest.read(archive);
		assertThat(out.toString()).contains("Backed up " + manifest.tables().size() + " tables, " + manifest.rows()
				+ " rows (Flyway version " + Backups.codeFlywayVersion() + ") into " + archive);
		assertThat(manifest.tallyVersion()).isNotBlank();
		assertThat(manifest.tables()).allSatisfy(t -> assertThat(t.sha256()).hasSize(64));
		assertThat(Files.getPosixFilePermissions(archive)).containsExactlyInAnyOrder(
				java.nio.file.attribute.PosixFilePermission.OWNER_READ,
				java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
	}

	private static Map<String, List<List<String>>> history(Connection c) throws SQLException {
		Map<String, List<List<String>>> tables = new LinkedHashMap<>();
		for (String table : HISTORY) {
			List<List<String>> rows = new ArrayList<>();
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT * FROM " + table + " t ORDER BY t::text")) {
				while (rs.next()) {
					List<String> row = new ArrayList<>();
					for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
						row.add(rs.getString(i));
					}
					rows.add(row);
				}
			}
			tables.put(table, rows);
		}
		return tables;
	}

}
