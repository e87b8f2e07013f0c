package org.tally.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.JobExecutionContextImpl;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.pipeline.RunHandle;
import org.tally.pipeline.RunLauncher;
import org.tally.pipeline.RunRequest;
import org.tally.support.GatherLock;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given a manual run in progress when the nightly schedule fires, the night is not lost:
 * a one-shot retry of the same job is scheduled a few minutes later, and it names the run
 * by the original fire time.
 */
@TallyTest
class BusyFireTest extends SeedInboxTest {

	private final ScheduleDefinition nightly = new ScheduleDefinition("nightly", "0 30 2 * * ?",
			ZoneId.of("Asia/Shanghai"), "nightlyConsolidationJob", List.of(), ScheduleDefinition.Misfire.FIRE_ONCE_NOW);

	@Autowired
	RunLauncher runs;

	@Autowired
	GatherLock gather;

	@Test
	void givenAManualRunInProgress_theNightlyFireIsRetriedLaterUnderItsOwnNight() throws Exception {
		Properties memory = new Properties();
		memory.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "busy-fire-" + System.nanoTime());
		memory.setProperty("org.quartz.threadPool.threadCount", "1");
		memory.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
		Scheduler scheduler = new StdSchedulerFactory(memory).getScheduler();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (GatherLock.Hold hold = gather.hold()) {
			RunHandle manual = runs.launch(new RunRequest(null, "manual:" + System.nanoTime(), List.of(), "cli:test"),
					executor);
			gather.awaitHeldRun();
			JobDetail job = Schedules.job(nightly);
			scheduler.addJob(job, true, true);
			Instant scheduled = Instant.parse("2026-11-24T18:30:00Z");
			Instant firedAt = Instant.now();

			new ScheduledConsolidationJob(runs).execute(
					context(scheduler, job, (OperableTrigger) Schedules.trigger(nightly, job), scheduled, firedAt));

			List<? extends Trigger> retries = scheduler.getTriggersOfJob(job.getKey());
			assertThat(retries).singleElement().satisfies(retry -> {
				assertThat(retry.getStartTime().toInstant()).isAfterOrEqualTo(firedAt.plus(BusyRetry.DELAY));
				assertThat(retry.getJobDataMap().getString(BusyRetry.ATTEMPT)).isEqualTo("1");
				Instant named = ScheduledConsolidationJob.scheduledFireTime(context(scheduler, job,
						(OperableTrigger) retry, firedAt.plus(BusyRetry.DELAY), firedAt.plus(BusyRetry.DELAY)));
				assertThat(BusinessDate.trigger("nightly", named, nightly.timeZone())).isEqualTo("nightly:2026-11-25");
			});
			hold.release();
			manual.report().get(120, TimeUnit.SECONDS);
		}
		finally {
			executor.shutdownNow();
			scheduler.shutdown();
		}
	}

	private static JobExecutionContextImpl context(Scheduler scheduler, JobDetail job, OperableTrigger trigger,
			Instant scheduled, Instant firedAt) {
		return new JobExecutionContextImpl(scheduler,
				new TriggerFiredBundle(job, trigger, null, false, Date.from(firedAt), Date.from(scheduled), null, null),
				null);
	}

}
