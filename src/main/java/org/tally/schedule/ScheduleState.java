package org.tally.schedule;

import java.time.Instant;

/**
 * A schedule as the cluster sees it: its cron, whether it is paused, its next and
 * previous fire.
 */
public record ScheduleState(String name, String cron, String timeZone, String state, Instant nextFire,
		Instant previousFire) {
}
