package org.tally.schedule;

/**
 * A schedule file is invalid, a schedule is unknown, or the scheduler refused an
 * operation; says which.
 */
public class ScheduleException extends RuntimeException {

	private final String schedule;

	public ScheduleException(String schedule, String message, Throwable cause) {
		super(message, cause);
		this.schedule = schedule;
	}

	public String schedule() {
		return schedule;
	}

}
