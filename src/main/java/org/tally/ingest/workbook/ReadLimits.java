package org.tally.ingest.workbook;

/**
 * Limits protecting the process from hostile or runaway files.
 *
 * <p>
 * {@code maxSharedStringChars} bounds the XLSX shared-string table, which is the one
 * structure held in memory whole (a sheet itself is streamed).
 */
public record ReadLimits(long maxFileBytes, long maxCellChars, int maxColumns, long maxRows,
		long maxSharedStringChars) {

	/**
	 * Excel's own limits: 32,767 characters per cell, 16,384 columns (XFD), 1,048,576
	 * rows.
	 */
	public static final long DEFAULT_MAX_FILE_BYTES = 200L * 1024 * 1024;

	public static final long DEFAULT_MAX_CELL_CHARS = 32_767;

	public static final int DEFAULT_MAX_COLUMNS = 16_384;

	public static final long DEFAULT_MAX_ROWS = 1_048_576;

	/** About 200 MB of heap for the string table at worst. */
	public static final long DEFAULT_MAX_SHARED_STRING_CHARS = 100_000_000L;

	public ReadLimits {
		if (maxFileBytes <= 0 || maxCellChars <= 0 || maxColumns <= 0 || maxRows <= 0 || maxSharedStringChars <= 0) {
			throw new IllegalArgumentException("limits must be positive");
		}
	}

	public ReadLimits(long maxFileBytes, long maxCellChars, int maxColumns, long maxRows) {
		this(maxFileBytes, maxCellChars, maxColumns, maxRows, DEFAULT_MAX_SHARED_STRING_CHARS);
	}

	public static ReadLimits defaults() {
		return new ReadLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_CELL_CHARS, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS,
				DEFAULT_MAX_SHARED_STRING_CHARS);
	}

	public ReadLimits withMaxFileBytes(long v) {
		return new ReadLimits(v, maxCellChars, maxColumns, maxRows, maxSharedStringChars);
	}

	public ReadLimits withMaxCellChars(long v) {
		return new ReadLimits(maxFileBytes, v, maxColumns, maxRows, maxSharedStringChars);
	}

	public ReadLimits withMaxColumns(int v) {
		return new ReadLimits(maxFileBytes, maxCellChars, v, maxRows, maxSharedStringChars);
	}

	public ReadLimits withMaxRows(long v) {
		return new ReadLimits(maxFileBytes, maxCellChars, maxColumns, v, maxSharedStringChars);
	}

	public ReadLimits withMaxSharedStringChars(long v) {
		return new ReadLimits(maxFileBytes, maxCellChars, maxColumns, maxRows, v);
	}
}
