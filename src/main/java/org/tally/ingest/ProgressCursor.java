package org.tally.ingest;

import java.nio.file.Path;
import java.util.Optional;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.SheetCursor;

/**
 * A sheet cursor that counts its rows and, every {@link #EVERY} rows and at the end,
 * publishes the count and its position to the file's progress. Used on the reading thread
 * only.
 */
final class ProgressCursor implements SheetCursor {

	/** Rows between two publications (a power of two: a mask, not a division). */
	static final int EVERY = 1024;

	private final SheetCursor cursor;

	private final FileProgress progress;

	private long rows;

	ProgressCursor(SheetCursor cursor, FileProgress progress) {
		this.cursor = cursor;
		this.progress = progress;
	}

	@Override
	public boolean hasNext() {
		boolean more = cursor.hasNext();
		if (!more) {
			progress.advance(rows, 1);
		}
		return more;
	}

	@Override
	public RawRow next() {
		RawRow row = cursor.next();
		if ((++rows & (EVERY - 1)) == 0) {
			progress.advance(rows, cursor.fractionRead());
		}
		return row;
	}

	@Override
	public Path file() {
		return cursor.file();
	}

	@Override
	public String sheetName() {
		return cursor.sheetName();
	}

	@Override
	public boolean date1904() {
		return cursor.date1904();
	}

	@Override
	public String format() {
		return cursor.format();
	}

	@Override
	public Optional<String> sha256OfFile() {
		return cursor.sha256OfFile();
	}

	@Override
	public double fractionRead() {
		return cursor.fractionRead();
	}

	@Override
	public void close() {
		cursor.close();
	}

}
