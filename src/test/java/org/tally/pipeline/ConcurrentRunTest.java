package org.tally.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.support.GatherLock;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given a run in progress (held inside its gather step by a table lock the test takes), a
 * rerun is refused naming the running one, the refusal is audited, and a stop ends the
 * run STOPPED so that a restart completes it.
 */
@TallyTest
class ConcurrentRunTest extends SeedInboxTest {

	@Autowired
	Operations operations;

	@Autowired
	RunLauncher runs;

	@Autowired
	RunHistory history;

	@Autowired
	GatherLock gather;

	@Test
	void givenARunInProgress_aRerunIsRefusedNamingItAndAStopEndsIt() throws Exception {
		Actor alice = newCliActor("alice", "host-1");
		String name = alice.name();
		CompletableFuture<RunReport> first;
		long runId;
		try (GatherLock.Hold hold = gather.hold()) {
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
			runId = gather.awaitHeldRun();

			assertThatThrownBy(() -> operations.rerun(LocalDate.of(2024, 12, 31), "finance", alice))
				.isInstanceOf(RunRefusedException.class)
				.hasMessageMatching("run " + runId + " \\(test:first\\) is running since .*; try again when it ends");
			assertThat(warehouse.count("SELECT count(*) FROM ops.audit WHERE actor = ? AND origin = 'host-1'"
					+ " AND action = 'rerun' AND outcome = 'refused' AND detail LIKE 'run ' || ? || ' (test:first)%'",
					name, String.valueOf(runId)))
				.isEqualTo(1);

			assertThat(operations.stop(runId, alice)).contains("is stopping");
			hold.release();
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

}
