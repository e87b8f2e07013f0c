package org.tally.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.JobExecutionContextImpl;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Given a node died during the 2026-11-25 night and another node recovers the job hours
 * later, the recovered fire is named by the original fire time: the same run,
 * nightly:2026-11-25.
 */
class RecoveredFireTest {

	private final ScheduleDefinition nightly = new ScheduleDefinition("nightly", "0 30 2 * * ?",
			ZoneId.of("Asia/Shanghai"), "nightlyConsolidationJob", List.of(), ScheduleDefinition.Misfire.FIRE_ONCE_NOW);

	@Test
	void givenARecoveryFireTheNextDay_theTriggerIsRebuiltFromTheOriginalFireTime() {
		Instant original = Instant.parse("2026-11-24T18:30:00Z"); // 02:30 on the 25th in
																	// Shanghai
		Instant recoveredAt = Instant.parse("2026-11-25T17:00:00Z"); // 01:00 on the 26th
																		// in Shanghai
		JobDetail job = Schedules.job(nightly);
		// What Quartz's cluster recovery puts on the recovery trigger: the original fire
		// time, as text.
		OperableTrigger recovery = (OperableTrigger) TriggerBuilder.newTrigger()
			.forJob(job)
			.usingJobData(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS,
					String.valueOf(original.toEpochMilli()))
			.usingJobData(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS,
					String.valueOf(original.plusSeconds(3).toEpochMilli()))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule())
			.startAt(Date.from(recoveredAt))
			.build();
		var context = new JobExecutionContextImpl(null, new TriggerFiredBundle(job, recovery, null, true,
				Date.from(recoveredAt), Date.from(recoveredAt), null, null), null);

		Instant fireTime = ScheduledConsolidationJob.scheduledFireTime(context);

		assertThat(fireTime).isEqualTo(original);
		assertThat(BusinessDate.trigger("nightly", fireTime, nightly.timeZone())).isEqualTo("nightly:2026-11-25");
	}

	@Test
	void givenAnOrdinaryFire_theScheduledFireTimeNamesTheRunEvenIfItStartsLate() {
		Instant scheduled = Instant.parse("2026-11-24T18:30:00Z");
		JobDetail job = Schedules.job(nightly);
		OperableTrigger trigger = (OperableTrigger) Schedules.trigger(nightly, job);
		var context = new JobExecutionContextImpl(null, new TriggerFiredBundle(job, trigger, null, false,
				Date.from(scheduled.plusSeconds(7200)), Date.from(scheduled), null, null), null);

		assertThat(ScheduledConsolidationJob.scheduledFireTime(context)).isEqualTo(scheduled);
	}

}
