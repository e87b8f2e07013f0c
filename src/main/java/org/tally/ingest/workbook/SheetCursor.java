package org.tally.ingest.workbook;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * An opened sheet read row by row, lazily; {@link #close()} releases the file. {@code hasNext()}
 * and {@code next()} throw {@link UnreadableFileException} when the file turns out broken midway.
 */
public interface SheetCursor extends Closeable, Iterator<RawRow> {

    Path file();

    String sheetName();

    /** True when serial dates count from 1904-01-01 (old Mac Excel) instead of 1900. */
    boolean date1904();

    /** "xlsx", "xls" or "csv" (by content, not by extension). */
    String format();

    @Override
    void close();
}
