package org.tally.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * A scheduled fire that found another run going is tried again a few minutes later, a
 * bounded number of times, as one-shot triggers of the same job that carry the original
 * fire time: the night is run once the lock frees, under its own name.
 */
final class BusyRetry {

	static final String ORIGINAL_FIRE_TIME = "busyRetryOriginalFireTime";

	static final String ATTEMPT = "busyRetryAttempt";

	static final Duration DELAY = Duration.ofMinutes(5);

	// Two hours of retries: longer than a manual run lasts; past that an operator must
	// look.
	static final int ATTEMPTS = 24;

	private BusyRetry() {
	}

	/** The retry of this fire, or empty when its attempts are spent. */
	static Optional<Trigger> after(JobExecutionContext context, Instant fireTime, Instant now) {
		int attempt = attempt(context) + 1;
		if (attempt > ATTEMPTS) {
			return Optional.empty();
		}
		return Optional.of(TriggerBuilder.newTrigger()
			.withIdentity("busy-retry-" + fireTime.toEpochMilli() + "-" + attempt,
					context.getJobDetail().getKey().getGroup())
			.forJob(context.getJobDetail().getKey())
			.usingJobData(ORIGINAL_FIRE_TIME, String.valueOf(fireTime.toEpochMilli()))
			.usingJobData(ATTEMPT, String.valueOf(attempt))
			.startAt(Date.from(now.plus(DELAY)))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build());
	}

	/** How many retries came before this fire (0 for the scheduled fire itself). */
	static int attempt(JobExecutionContext context) {
		Object attempt = context.getTrigger().getJobDataMap().get(ATTEMPT);
		return attempt == null ? 0 : Integer.parseInt(attempt.toString());
	}

	/** The fire time a retry stands for, if this fire is one. */
	static Optional<Instant> originalFireTime(JobExecutionContext context) {
		JobDataMap data = context.getTrigger().getJobDataMap();
		Object original = data.get(ORIGINAL_FIRE_TIME);
		return original == null ? Optional.empty()
				: Optional.of(Instant.ofEpochMilli(Long.parseLong(original.toString())));
	}

}
