package org.tally.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tally.pipeline.RunBusyException;
import org.tally.pipeline.RunLauncher;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import org.tally.pipeline.RunRequest;

/**
 * Quartz's side of a schedule, kept thin: turns a fire into a consolidation run named by
 * the business date of the scheduled fire time (nightly:2026-11-25). On recovery after a
 * node died it rebuilds the same trigger from the original fire time, so the same run is
 * continued, not a new one.
 */
@DisallowConcurrentExecution
class ScheduledConsolidationJob extends ScheduleFire {

	static final String ZONE = "timeZone";
	static final String SOURCES = "sources";

	private static final Logger log = LoggerFactory.getLogger(ScheduledConsolidationJob.class);

	private final RunLauncher runs;

	ScheduledConsolidationJob(RunLauncher runs) {
		this.runs = runs;
	}

	@Override
	void fire(String schedule, JobExecutionContext context) throws JobExecutionException {
		JobDataMap data = context.getMergedJobDataMap();
		ZoneId zone = ZoneId.of(data.getString(ZONE));
		String sources = data.getString(SOURCES);
		Instant fireTime = scheduledFireTime(context);
		String trigger = BusinessDate.trigger(schedule, fireTime, zone);
		List<String> only = sources == null || sources.isBlank() ? List.of() : Arrays.asList(sources.split(","));
		String startedBy = "schedule:" + schedule + (context.isRecovering() ? " (recovered)" : "");
		log.info("schedule={} fired for {} (scheduled {}{})", schedule, trigger, fireTime,
				context.isRecovering() ? ", recovering a run whose node died" : "");
		try {
			RunReport report = runs.launch(new RunRequest(null, trigger, only, startedBy), RunLauncher.IN_THIS_THREAD)
				.await();
			log.info("schedule={} run={} {}", schedule, report.runId(), report.status());
		}
		catch (RunBusyException ex) {
			retryLater(context, schedule, trigger, fireTime, ex);
		}
		catch (RunRefusedException ex) {
			// Not a scheduler failure: the run is already going elsewhere, or this night
			// is already done.
			log.warn("schedule={} {} not started: {}", schedule, trigger, ex.getMessage());
		}
	}

	/**
	 * Another run is going (a manual one, say): the night is not lost but tried later.
	 */
	private static void retryLater(JobExecutionContext context, String schedule, String trigger, Instant fireTime,
			RunBusyException busy) throws JobExecutionException {
		Optional<Trigger> retry = BusyRetry.after(context, fireTime, Instant.now());
		if (retry.isEmpty()) {
			log.error("schedule={} {} not started after {} retries: {}; start it by hand", schedule, trigger,
					BusyRetry.ATTEMPTS, busy.getMessage());
			return;
		}
		try {
			context.getScheduler().scheduleJob(retry.get());
		}
		catch (SchedulerException ex) {
			throw new JobExecutionException("schedule=" + schedule + " " + trigger + ": cannot schedule its retry", ex);
		}
		log.warn("schedule={} {} waits: {}; retry {} of {} at {}", schedule, trigger, busy.getMessage(),
				BusyRetry.attempt(context) + 1, BusyRetry.ATTEMPTS, retry.get().getStartTime().toInstant());
	}

	/**
	 * The fire time the run is named by; a recovery fire carries the original one in its
	 * data.
	 */
	static Instant scheduledFireTime(JobExecutionContext context) {
		Optional<Instant> retried = BusyRetry.originalFireTime(context);
		if (retried.isPresent()) {
			return retried.get();
		}
		if (context.isRecovering()) {
			JobDataMap data = context.getMergedJobDataMap();
			// Quartz records both the original scheduled time and when it actually fired;
			// the schedule names the run.
			Object original = data.get(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
			if (original == null) {
				original = data.get(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS);
			}
			if (original != null) {
				return Instant.ofEpochMilli(Long.parseLong(original.toString()));
			}
		}
		return context.getScheduledFireTime().toInstant();
	}

}
