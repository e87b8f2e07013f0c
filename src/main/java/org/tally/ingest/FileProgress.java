package org.tally.ingest;

import java.time.Instant;
import org.tally.ingest.workbook.SheetCursor;

/**
 * The live counters of one file being read. The reading thread publishes its row count
 * and position once per {@link ProgressCursor#EVERY} rows, in two volatile writes: no
 * lock, nothing per row but an increment. Anyone may take a snapshot at any time.
 */
final class FileProgress {

	private final String filePath;

	private final long sizeBytes;

	private final Instant startedAt;

	private final long startedNanos = System.nanoTime();

	/** False while progress is switched off: the counters are then never published. */
	private final boolean counting;

	private volatile long rows;

	private volatile double fraction;

	FileProgress(String filePath, long sizeBytes, boolean counting) {
		this.filePath = filePath;
		this.sizeBytes = sizeBytes;
		this.counting = counting;
		this.startedAt = Instant.now();
	}

	boolean counting() {
		return counting;
	}

	/** The cursor, counting its rows for this file's progress (unchanged when off). */
	SheetCursor watch(SheetCursor cursor) {
		return counting ? new ProgressCursor(cursor, this) : cursor;
	}

	/** On the reading thread: rows read so far, and its position (see SheetCursor). */
	void advance(long rowsRead, double fractionRead) {
		fraction = fractionRead;
		rows = rowsRead;
	}

	ReadProgress snapshot() {
		double read = fraction;
		long bytes = read < 0 ? -1 : Math.round(read * sizeBytes);
		return new ReadProgress(filePath, rows, bytes, sizeBytes, startedAt,
				startedAt.plusNanos(System.nanoTime() - startedNanos));
	}

}
