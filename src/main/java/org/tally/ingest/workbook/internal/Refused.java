package org.tally.ingest.workbook.internal;

/**
 * Thrown by a reader for content the limits or the format forbid; the message is the
 * one-line reason, to which {@link Failures} adds the file and sheet.
 */
public final class Refused extends RuntimeException {

	public Refused(String reason) {
		super(reason, null, false, false);
	}

}
