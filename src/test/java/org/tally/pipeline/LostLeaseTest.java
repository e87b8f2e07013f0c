package org.tally.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.tally.support.Runs.launchedRun;
import static org.tally.support.Runs.rows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.GatherLock;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given a run whose run-lock session is killed mid-run (held inside its gather step by a
 * table lock the test takes, so that it is surely still going), a second start is refused
 * while it winds down, and the run stops at its next chunk naming the lost lease, leaving
 * the published figures as they were.
 */
@TallyTest
class LostLeaseTest extends SeedInboxTest {

	private static final String FIGURES = "SELECT * FROM publish.figure_version ORDER BY 1";

	@Autowired
	RunLauncher runs;

	@Autowired
	GatherLock gather;

	@BeforeEach
	void publishedFigures() throws Exception {
		launchedRun(runs, "lease-before");
	}

	@Test
	void givenTheLeaseSessionKilledMidRun_theRunStopsNamingItAndASecondStartIsRefused(@TempDir Path temp)
			throws Exception {
		// A department sends a large new ledger: the run has real work to stop in.
		inbox.withLargeYearEndLedger(temp, 40_000);
		List<List<String>> figuresBefore = rows(warehouse, FIGURES);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (GatherLock.Hold hold = gather.hold()) {
			RunHandle first = runs
				.launch(new RunRequest(null, "test:lease-lost:" + System.nanoTime(), List.of(), "test"), executor);
			gather.awaitHeldRun();

			long leaseBackend = warehouse.count("""
					SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
					  AND classid = 31249 AND objid = 1 AND objsubid = 2""");
			assertThat(warehouse.count("SELECT count(*) FROM pg_terminate_backend(?::int) WHERE pg_terminate_backend",
					leaseBackend))
				.isOne();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> warehouse.count("SELECT count(*) FROM pg_stat_activity WHERE pid = ?::int",
						leaseBackend) == 0);

			assertThatThrownBy(() -> runs.launch(new RunRequest(null, "test:lease-second", List.of(), "test"),
					RunLauncher.IN_THIS_THREAD))
				.isInstanceOf(RunRefusedException.class)
				.hasMessageMatching("run " + first.runId() + " \\(test:lease-lost:\\d+\\) is running since .*");

			hold.release();
			RunReport report = first.report().get(120, TimeUnit.SECONDS);

			assertThat(report.status()).isEqualTo("FAILED");
			assertThat(report.failure()).contains("the run lock's lease was lost");
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(rows(warehouse, FIGURES)).isEqualTo(figuresBefore);
	}

}
