package org.tally.ingest.workbook;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why a department file cannot be read. {@link #reason()} is one line a clerk or operator
 * understands; the file and (when known) the sheet are carried separately.
 */
public class UnreadableFileException extends RuntimeException {

	private final transient Path file;

	private final String sheet;

	private final String reason;

	public UnreadableFileException(Path file, String sheet, String reason, Throwable cause) {
		super(message(file, sheet, reason), cause);
		this.file = Objects.requireNonNull(file, "file");
		this.sheet = sheet;
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public UnreadableFileException(Path file, String sheet, String reason) {
		this(file, sheet, reason, null);
	}

	public Path file() {
		return file;
	}

	/** The sheet name, or null when the failure is not tied to a sheet. */
	public String sheet() {
		return sheet;
	}

	public String reason() {
		return reason;
	}

	private static String message(Path file, String sheet, String reason) {
		String where = file == null ? "?" : String.valueOf(file.getFileName());
		return sheet == null ? where + ": " + reason : where + " [" + sheet + "]: " + reason;
	}

}
