package org.tally.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;
import static org.tally.support.Runs.rows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.bench.internal.LedgerFiles;
import org.tally.figures.FigureAudit;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.warehouse.WarehouseAudit;

/**
 * Disk and inbox trouble: a file that cannot be read is quarantined with its reason while
 * the rest of the inbox loads; an inbox that does not exist fails the run with one clear
 * line. Each ends with the integrity audit reporting no difference.
 */
@TallyTest
class InboxFaultsTest extends InboxRunTest {

	@Autowired
	WarehouseAudit warehouseAudit;

	@Autowired
	FigureAudit figureAudit;

	@Test
	void givenAPipeADirectoryAndLinksNamedLikeWorkbooks_eachIsQuarantinedUnreadAndTheOtherFilesLoad() throws Exception {
		inbox.withSeeds();
		Path pipe = inbox.file("finance/pipe_2024-12-31.xlsx");
		Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
		assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
		Files.createDirectories(inbox.file("finance/folder_2024-12-31.xlsx"));
		Files.createSymbolicLink(inbox.file("health/passwd_20241231.csv"), Path.of("/etc/passwd"));
		Files.createSymbolicLink(inbox.file("science/dangling_2024-12-31.xlsx"),
				inbox.root().resolve("no-such-file.xlsx"));

		long run = completedRun(jobs, "unreadable");

		Map<String, String> expected = Map.of("finance/pipe_2024-12-31.xlsx",
				"not a regular file (a pipe, socket or device): not read", "finance/folder_2024-12-31.xlsx",
				"a directory, not a file", "health/passwd_20241231.csv",
				"a link to a file outside the inbox (/etc/passwd): refused, not read",
				"science/dangling_2024-12-31.xlsx", "a link whose target does not exist");
		SoftAssertions softly = new SoftAssertions();
		expected.forEach((file, reason) -> softly
			.assertThat(rows(warehouse, "SELECT status, reason FROM registry.load WHERE run_id = ? AND file_path = ?",
					run, file))
			.as(file)
			.singleElement()
			.satisfies(row -> {
				assertThat(row.get(0)).isEqualTo("quarantined");
				assertThat(row.get(1)).startsWith(reason);
			}));
		softly
			.assertThat(
					warehouse.count("SELECT count(*) FROM registry.load WHERE run_id = ? AND status = 'loaded'", run))
			.as("the seed files all load")
			.isEqualTo(8);
		softly.assertThat(
				warehouse.count("SELECT count(*) FROM warehouse.projects w JOIN registry.load l ON l.id = w.load_id"
						+ " WHERE l.is_current AND l.period = ?", DECEMBER))
			.isEqualTo(140);
		softly.assertAll();
		assertIntegrity();
	}

	@Test
	void givenTheInboxDoesNotExist_theRunFailsWithOneClearLineAndNothingIsRegistered() throws Exception {
		Files.delete(inbox.root());
		try {
			JobExecution run = jobs
				.startJob(new JobParametersBuilder().addString("trigger", "test:no-inbox:" + System.nanoTime())
					.toJobParameters());
			assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(run.getAllFailureExceptions()).singleElement()
				.satisfies(
						ex -> assertThat(ex.getMessage()).matches("the inbox .* does not exist or is not a directory")
							.doesNotContain("\n"));
			assertThat(warehouse.count("SELECT count(*) FROM registry.load")).isZero();
		}
		finally {
			Files.createDirectories(inbox.root());
		}
		assertIntegrity();
	}

	/**
	 * A workbook is read once more after its rows; a CSV is digested as it is parsed:
	 * both must notice.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "csv" })
	void givenAFileThatChangesWhileItIsRead_itIsQuarantinedAndNoneOfItsRowsStayStaged(String format, @TempDir Path temp)
			throws Exception {
		LedgerFiles ledger = LedgerFiles.forRows(temp, 40_000);
		Path big = format.equals("csv") ? ledger.departmentCsv() : ledger.xlsx();
		String path = "finance/市财政局_京长对口合作项目台账_2024-12-31." + format;
		Path file = inbox.file(path);
		Files.copy(big, file);
		AtomicBoolean changed = new AtomicBoolean();
		Thread department = new Thread(() -> {
			// The department saves a new version over the file once the reader is well
			// into it.
			long deadline = System.nanoTime() + 120_000_000_000L;
			while (System.nanoTime() < deadline && !changed.get()) {
				// Rows written by the ingest step so far (its counts commit with every
				// chunk) while the file is pending.
				if (warehouse.count(
						"SELECT coalesce(max(s.write_count), 0) FROM batch_step_execution s"
								+ " WHERE s.step_name = 'ingestSourceFilesStep' AND s.status = 'STARTED' AND EXISTS"
								+ " (SELECT 1 FROM registry.load l WHERE l.file_path = ? AND l.status = 'pending')",
						path) > 0) {
					try {
						Files.write(file, new byte[] { 0 }, StandardOpenOption.APPEND);
						changed.set(true);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
				Thread.onSpinWait();
			}
		});
		department.start();
		long run = completedRun(jobs, "changed-while-read-" + format);
		department.join();

		assertThat(changed).as("the file was changed during the read").isTrue();
		assertThat(rows(warehouse, "SELECT status, reason FROM registry.load WHERE run_id = ? AND file_path = ?", run,
				path))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.get(0)).isEqualTo("quarantined");
				assertThat(row.get(1)).startsWith("the file changed while it was being read (sha256 ");
			});
		assertThat(warehouse.count("SELECT count(*) FROM warehouse.projects")).as("rows staged or promoted").isZero();
		assertIntegrity();
	}

	private void assertIntegrity() {
		List<WarehouseAudit.Finding> findings = warehouseAudit.audit();
		assertThat(findings).allSatisfy(f -> assertThat(f.differences()).as(f.rule()).isEmpty());
		assertThat(figureAudit.compareLatest()).allSatisfy(c -> assertThat(c.agrees()).as(c.toString()).isTrue());
	}

}
