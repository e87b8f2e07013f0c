package org.tally.pipeline;

import java.util.List;

/**
 * A run as it goes, for the console's run page and {@code GET /api/runs/{id}/progress}:
 * its status, the step it is in (null when none is), each step's counts so far, and each
 * file of the run with how far its reading has got. {@code finishing}: the run has ended
 * but still holds the run lock while it writes its report, so a restart or a new run is
 * refused for a moment yet.
 */
public record RunProgress(long runId, String status, boolean running, boolean finishing, String step, List<Step> steps,
		List<File> files) {

	/**
	 * A step of the latest execution: items read, written, skipped and rows rejected so
	 * far.
	 */
	public record Step(String name, String status, long read, long written, long skipped, long rejected) {
	}

	/**
	 * A file of the run: its status ({@code reading} while it is read), its size, and how
	 * far it got in percent of its bytes (0 pending, 100 read, null never read). For the
	 * file being read, also the rows read so far, the rate since it was opened and the
	 * seconds left at that rate (null until known); otherwise the rows the run read, once
	 * its loads are promoted.
	 */
	public record File(String file, String source, String status, long sizeBytes, Long rows, Double percent,
			Long rowsPerSecond, Long secondsLeft) {
	}

}
