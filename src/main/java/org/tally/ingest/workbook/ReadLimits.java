package org.tally.ingest.workbook;

/**
 * Limits protecting the process from hostile or runaway files.
 *
 * <p>
 * Each bounds something a reader holds whole: a cell, a row, the XLSX shared-string
 * table, a package part parsed into memory (content types, relationships, workbook,
 * styles), the sheet list, the number formats, and a legacy .xls (HSSF loads it whole). A
 * sheet itself is streamed, so its rows are bounded in number, not in total.
 */
public record ReadLimits(long maxFileBytes, long maxCellChars, int maxColumns, long maxRows, long maxSharedStringChars,
		long maxRowChars, long maxPartBytes, int maxSheets, int maxNumberFormats, long maxXlsBytes) {

	public static final long DEFAULT_MAX_FILE_BYTES = 200L * 1024 * 1024;

	/**
	 * Excel's own limits: 32,767 characters per cell, 16,384 columns (XFD), 1,048,576
	 * rows.
	 */
	public static final long DEFAULT_MAX_CELL_CHARS = 32_767;

	public static final int DEFAULT_MAX_COLUMNS = 16_384;

	public static final long DEFAULT_MAX_ROWS = 1_048_576;

	/** About 200 MB of heap for the string table at worst. */
	public static final long DEFAULT_MAX_SHARED_STRING_CHARS = 100_000_000L;

	/**
	 * A row of Excel's widest, fullest cells would be 500 M characters; a real one is a
	 * few thousand.
	 */
	public static final long DEFAULT_MAX_ROW_CHARS = 1_048_576;

	/**
	 * POI parses content types and relationships as DOM trees, at several times their
	 * size in heap; a bloated real styles part is a few megabytes.
	 */
	public static final long DEFAULT_MAX_PART_BYTES = 8L * 1024 * 1024;

	public static final int DEFAULT_MAX_SHEETS = 1_000;

	/** Excel itself stops at 64,000 cell formats. */
	public static final int DEFAULT_MAX_NUMBER_FORMATS = 65_536;

	/** HSSF holds the whole file and its records in memory, several times its size. */
	public static final long DEFAULT_MAX_XLS_BYTES = 50L * 1024 * 1024;

	public ReadLimits {
		if (maxFileBytes <= 0 || maxCellChars <= 0 || maxColumns <= 0 || maxRows <= 0 || maxSharedStringChars <= 0
				|| maxRowChars <= 0 || maxPartBytes <= 0 || maxSheets <= 0 || maxNumberFormats <= 0
				|| maxXlsBytes <= 0) {
			throw new IllegalArgumentException("limits must be positive");
		}
	}

	public static ReadLimits defaults() {
		return new ReadLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_CELL_CHARS, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS,
				DEFAULT_MAX_SHARED_STRING_CHARS, DEFAULT_MAX_ROW_CHARS, DEFAULT_MAX_PART_BYTES, DEFAULT_MAX_SHEETS,
				DEFAULT_MAX_NUMBER_FORMATS, DEFAULT_MAX_XLS_BYTES);
	}

	// The limits the refusal tests tighten one at a time; configuration sets the rest
	// through IngestProperties.

	public ReadLimits withMaxFileBytes(long v) {
		return new ReadLimits(v, maxCellChars, maxColumns, maxRows, maxSharedStringChars, maxRowChars, maxPartBytes,
				maxSheets, maxNumberFormats, maxXlsBytes);
	}

	public ReadLimits withMaxCellChars(long v) {
		return new ReadLimits(maxFileBytes, v, maxColumns, maxRows, maxSharedStringChars, maxRowChars, maxPartBytes,
				maxSheets, maxNumberFormats, maxXlsBytes);
	}

	public ReadLimits withMaxRows(long v) {
		return new ReadLimits(maxFileBytes, maxCellChars, maxColumns, v, maxSharedStringChars, maxRowChars,
				maxPartBytes, maxSheets, maxNumberFormats, maxXlsBytes);
	}

}
