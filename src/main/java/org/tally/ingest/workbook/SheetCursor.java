package org.tally.ingest.workbook;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/**
 * An opened sheet read row by row, lazily; {@link #close()} releases the file.
 * {@code hasNext()} and {@code next()} throw {@link UnreadableFileException} when the
 * file turns out broken midway.
 */
public interface SheetCursor extends Closeable, Iterator<RawRow> {

	Path file();

	String sheetName();

	/** True when serial dates count from 1904-01-01 (old Mac Excel) instead of 1900. */
	boolean date1904();

	/** "xlsx", "xls" or "csv" (by content, not by extension). */
	String format();

	/**
	 * The SHA-256 (lowercase hex) of every byte of the file, once the cursor has read it
	 * to its end in one stream: the digest of exactly what was parsed, with no second
	 * read of the file. Empty while rows remain, and for formats read out of order (a
	 * workbook's parts).
	 */
	default Optional<String> sha256OfFile() {
		return Optional.empty();
	}

	/**
	 * How far reading has got, from 0 to 1, for a progress line: the share of the file's
	 * bytes consumed (CSV), of the sheet's XML parsed (XLSX) or of its rows (XLS).
	 * Negative when not known. Asked on the thread that reads the rows.
	 */
	default double fractionRead() {
		return -1;
	}

	@Override
	void close();

}
