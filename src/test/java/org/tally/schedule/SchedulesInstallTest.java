package org.tally.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.tally.support.TallyTest;

/**
 * Given two nodes starting at once on an empty store, both install the schedules: the
 * second finds the first's and leaves them, instead of failing its start on a duplicate
 * key (as a second `tally serve` did in the failover scenario).
 */
@TallyTest
// Quartz keeps the store's data source in a registry of the JVM, by scheduler name: the
// last context made wins, and a context another test closed leaves it a closed pool.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class SchedulesInstallTest {

	private static final int ROUNDS = 20;

	@Autowired
	Schedules schedules;

	@Autowired
	Scheduler scheduler;

	@Test
	void givenTwoInstallsAtOnceOnAnEmptyStore_bothSucceedAndEachScheduleIsStoredOnce() throws Exception {
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(Schedules.GROUP))) {
					scheduler.deleteJob(key);
				}
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<?>> installs = new ArrayList<>();
				for (int node = 0; node < 2; node++) {
					installs.add(nodes.submit(() -> {
						together.await();
						schedules.synchronize();
						return null;
					}));
				}
				for (Future<?> install : installs) {
					install.get(60, TimeUnit.SECONDS);
				}
			}
			assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(Schedules.GROUP))).extracting(JobKey::getName)
				.containsExactlyInAnyOrderElementsOf(
						schedules.definitions().stream().map(ScheduleDefinition::name).toList());
		}
		finally {
			nodes.shutdownNow();
		}
	}

}
