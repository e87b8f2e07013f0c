package org.tally.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How far the reading of one file has got at one moment: rows read, bytes read against
 * the file's size, since when. {@code bytesRead} is -1 when the reader cannot tell its
 * position. Carried in the ingest step's execution context, so that a process that did
 * not start the run (the console) sees it too.
 */
public record ReadProgress(String filePath, long rows, long bytesRead, long sizeBytes, Instant startedAt, Instant at) {

	private static final String FILE = "tally.progress.file";

	private static final String ROWS = "tally.progress.rows";

	private static final String BYTES = "tally.progress.bytes";

	private static final String SIZE = "tally.progress.size";

	private static final String STARTED = "tally.progress.startedAt";

	private static final String AT = "tally.progress.at";

	public Duration elapsed() {
		return Duration.between(startedAt, at);
	}

	/** The rate since the file was opened. */
	public double rowsPerSecond() {
		long millis = elapsed().toMillis();
		return millis <= 0 ? 0 : rows * 1000.0 / millis;
	}

	/** Bytes read against the file's size, 0 to 100; -1 when not known. */
	public double percent() {
		if (bytesRead < 0) {
			return -1;
		}
		return sizeBytes <= 0 ? 100 : Math.min(100, bytesRead * 100.0 / sizeBytes);
	}

	/**
	 * The time left at the rate of bytes so far; empty before anything is read or when
	 * the position is not known.
	 */
	public Optional<Duration> remaining() {
		long millis = elapsed().toMillis();
		if (bytesRead <= 0 || millis <= 0) {
			return Optional.empty();
		}
		long left = Math.max(0, sizeBytes - bytesRead);
		return Optional.of(Duration.ofMillis((long) ((double) left / bytesRead * millis)));
	}

	/**
	 * Writes the progress into a step's execution context, which the step saves with each
	 * chunk it commits; null removes it (no file is being read).
	 */
	static void write(ReadProgress progress, ExecutionContext context) {
		if (progress == null) {
			for (String key : new String[] { FILE, ROWS, BYTES, SIZE, STARTED, AT }) {
				context.remove(key);
			}
			return;
		}
		context.putString(FILE, progress.filePath);
		context.putLong(ROWS, progress.rows);
		context.putLong(BYTES, progress.bytesRead);
		context.putLong(SIZE, progress.sizeBytes);
		context.putLong(STARTED, progress.startedAt.toEpochMilli());
		context.putLong(AT, progress.at.toEpochMilli());
	}

	/**
	 * The file the step was reading when it last committed a chunk, as its execution
	 * context says.
	 */
	public static Optional<ReadProgress> of(ExecutionContext context) {
		if (!context.containsKey(FILE)) {
			return Optional.empty();
		}
		return Optional.of(new ReadProgress(context.getString(FILE), context.getLong(ROWS), context.getLong(BYTES),
				context.getLong(SIZE), Instant.ofEpochMilli(context.getLong(STARTED)),
				Instant.ofEpochMilli(context.getLong(AT))));
	}

}
