package org.tally.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One run in the history: its latest execution's status, what it was asked to do, who
 * started it, when, for how long, and what each step read, wrote, skipped and rejected.
 */
public record RunSummary(long runId, long executionId, int executions, String status, String exitCode, String failure,
		LocalDate asOf, String trigger, List<String> sources, String startedBy, String owner, LocalDateTime startTime,
		LocalDateTime endTime, Duration duration, List<StepSummary> steps) {

	public boolean running() {
		return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
	}

	/**
	 * A step of the latest execution: rejected counts rows refused by validation, skipped
	 * all skips; duration is how long it ran (so far, while it runs), so an operator sees
	 * where a night's time went.
	 */
	public record StepSummary(String name, String status, long read, long written, long skipped, long rejected,
			long filtered, Duration duration) {
	}
}
