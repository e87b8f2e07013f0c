package org.tally.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.support.TallyTest;
import org.tally.support.TestInbox;
import org.tally.support.TestWarehouse;

/**
 * Given a run in progress (held inside its gather step by a table lock the test takes), a
 * rerun is refused naming the running one, the refusal is audited, and a stop ends the
 * run STOPPED so that a restart completes it.
 */
@TallyTest
class ConcurrentRunTest {

	@Autowired
	Operations operations;

	@Autowired
	RunLauncher runs;

	@Autowired
	RunHistory history;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestInbox inbox;

	@Autowired
	TestWarehouse warehouse;

	@BeforeEach
	void freshInstallation() {
		warehouse.reset();
		inbox.clear().withSeeds();
	}

	@Test
	void givenARunInProgress_aRerunIsRefusedNamingItAndAStopEndsIt() throws Exception {
		String name = "alice-" + System.nanoTime(); // the audit table outlives the
													// warehouse reset
		Actor alice = new Actor(name, "host-1", "cli");
		CompletableFuture<RunReport> first;
		long runId;
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (Statement lock = blocker.createStatement()) {
				lock.execute("LOCK TABLE registry.load IN ACCESS EXCLUSIVE MODE");
			}
			first = CompletableFuture.supplyAsync(() -> {
				try {
					return runs
						.launch(new RunRequest(null, "test:first", List.of(), "test"), RunLauncher.IN_THIS_THREAD)
						.await();
				}
				catch (RunRefusedException ex) {
					throw new IllegalStateException(ex);
				}
			});
			runId = awaitRunning();

			assertThatThrownBy(() -> operations.rerun(LocalDate.of(2024, 12, 31), "finance", alice))
				.isInstanceOf(RunRefusedException.class)
				.hasMessageMatching("run " + runId + " \\(test:first\\) is running since .*; try again when it ends");
			assertThat(warehouse.count("SELECT count(*) FROM ops.audit WHERE actor = ? AND origin = 'host-1'"
					+ " AND action = 'rerun' AND outcome = 'refused' AND detail LIKE 'run ' || ? || ' (test:first)%'",
					name, String.valueOf(runId)))
				.isEqualTo(1);

			assertThat(operations.stop(runId, alice)).contains("is stopping");
			blocker.rollback();
		}
		RunReport stopped = first.get(60, TimeUnit.SECONDS);
		assertThat(stopped.status()).isEqualTo("STOPPED");

		RunReport restarted = operations.restart(runId, alice);

		assertThat(restarted.runId()).isEqualTo(runId);
		assertThat(restarted.completed()).isTrue();
		assertThat(history.find(runId).orElseThrow().startedBy()).isEqualTo("cli:" + name + "@host-1");
		assertThat(warehouse
			.strings("SELECT action || ' ' || outcome FROM ops.audit WHERE actor = ? ORDER BY id DESC LIMIT 3", name))
			.containsExactly("restart ok", "stop ok", "rerun refused");
	}

	private long awaitRunning() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			var running = history.history(5).stream().filter(RunSummary::running).findFirst();
			if (running.isPresent()
					&& running.get().steps().stream().anyMatch(s -> s.name().equals("gatherSourceFilesStep"))) {
				return running.get().runId();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the first run did not reach its gather step");
	}

}
