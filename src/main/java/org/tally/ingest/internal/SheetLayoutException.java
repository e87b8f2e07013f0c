package org.tally.ingest.internal;

/**
 * The sheet does not hold the source's table: no header row matches, or required columns
 * are missing.
 */
public class SheetLayoutException extends RuntimeException {

	public SheetLayoutException(String message) {
		super(message);
	}

}
