package org.tally.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The business date a scheduled run is named by: the date of its scheduled fire time in
 * the schedule's zone.
 */
final class BusinessDate {

	private BusinessDate() {
	}

	static LocalDate of(Instant scheduledFireTime, ZoneId zone) {
		return scheduledFireTime.atZone(zone).toLocalDate();
	}

	/**
	 * The trigger that identifies the run of one schedule on one business date:
	 * nightly:2026-11-25.
	 */
	static String trigger(String schedule, Instant scheduledFireTime, ZoneId zone) {
		return schedule + ":" + of(scheduledFireTime, zone);
	}

}
