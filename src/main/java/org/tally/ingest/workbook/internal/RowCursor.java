package org.tally.ingest.workbook.internal;

import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.UnreadableFileException;

/**
 * The protocol every sheet cursor shares: read one row ahead, release the file at the end
 * or on close (once), and turn whatever the parser throws into one
 * {@link UnreadableFileException}. Subclasses only read rows and release their resources.
 */
public abstract class RowCursor implements SheetCursor {

	protected final Path file;

	protected final String sheetName;

	private RawRow pending;

	private boolean ended;

	private boolean closed;

	protected RowCursor(Path file, String sheetName) {
		this.file = file;
		this.sheetName = sheetName;
	}

	/** The next row with at least one cell, or null at the end of the sheet. */
	protected abstract RawRow readRow() throws Exception;

	/** Releases the file and parser; called once, by {@link #close()}. */
	protected abstract void release();

	/**
	 * Closes each resource in turn, going on past one whose close fails: what is closed
	 * last releases the file either way, and a cursor at its end has nothing to report.
	 */
	protected static void closeAll(AutoCloseable... resources) {
		for (AutoCloseable resource : resources) {
			try {
				resource.close();
			}
			catch (Exception ignored) {
				// best effort: the next resource, or the one below it, holds the file
			}
		}
	}

	/** Why the file cannot be read, from what the parser threw. */
	protected UnreadableFileException failure(Throwable thrown) {
		return Failures.unreadable(file, sheetName, thrown);
	}

	@Override
	public final boolean hasNext() {
		if (pending == null && !ended && !closed) {
			try {
				pending = readRow();
			}
			catch (Throwable thrown) { // hostile input: errors too (StackOverflowError,
										// OutOfMemoryError)
				ended = true;
				close();
				throw failure(thrown);
			}
			if (pending == null) {
				ended = true;
				close();
			}
		}
		return pending != null;
	}

	@Override
	public final RawRow next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		RawRow row = pending;
		pending = null;
		return row;
	}

	@Override
	public final Path file() {
		return file;
	}

	@Override
	public final String sheetName() {
		return sheetName;
	}

	@Override
	public final void close() {
		if (closed) {
			return;
		}
		closed = true;
		release();
	}

}
