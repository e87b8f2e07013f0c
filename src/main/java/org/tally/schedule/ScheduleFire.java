package org.tally.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.MDC;

/**
 * A Quartz job kept thin: the schedule that fired is read once and stands in the MDC
 * around the one thing the job does, so every line it logs says which schedule it was.
 */
abstract class ScheduleFire implements Job {

	/** The job data key of the schedule's name (jobs/*.yml). */
	static final String SCHEDULE = "schedule";

	@Override
	public final void execute(JobExecutionContext context) throws JobExecutionException {
		String schedule = context.getMergedJobDataMap().getString(SCHEDULE);
		try (MDC.MDCCloseable named = MDC.putCloseable(SCHEDULE, schedule)) {
			fire(schedule, context);
		}
	}

	/** Does what the schedule asks, once. */
	abstract void fire(String schedule, JobExecutionContext context) throws JobExecutionException;

}
