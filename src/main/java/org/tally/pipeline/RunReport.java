package org.tally.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.tally.figures.FigureValue;
import org.tally.ingest.FileRecord;
import org.tally.reconcile.CheckOutcome;

/**
 * What a run did: its status, each step's counts, the files it saw, the checks and the
 * figures.
 */
public record RunReport(long runId, long executionId, String status, String failure, Duration duration,
		List<StepCounts> steps, List<FileRecord> files, List<CheckOutcome> checks, LocalDate asOf,
		List<FigureValue> figures) {

	public boolean completed() {
		return "COMPLETED".equals(status);
	}

	/** Items read, written and skipped by one step. */
	public record StepCounts(String name, String status, long read, long written, long skipped) {
	}
}
