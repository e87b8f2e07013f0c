package org.tally.schedule;

import java.time.ZoneId;
import java.util.List;

/**
 * One schedule from jobs/NAME.yml: the cron read in a time zone, the job it starts, the
 * sources to gather (empty: all) and what to do with a missed fire.
 */
public record ScheduleDefinition(String name, String cron, ZoneId timeZone, String job, List<String> sources,
		Misfire misfire) {

	public ScheduleDefinition {
		sources = List.copyOf(sources);
	}

	/** What a trigger missed while no node ran does when a node starts again. */
	public enum Misfire {

		/** One catch-up run now, however many fires were missed. */
		FIRE_ONCE_NOW,
		/** Nothing now; wait for the next fire time. */
		SKIP

	}
}
