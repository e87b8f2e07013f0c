package org.tally.ingest;

/**
 * The inbox itself cannot be read (missing, not a directory, I/O failure): the run cannot
 * gather.
 */
public class InboxException extends RuntimeException {

	public InboxException(String message) {
		super(message);
	}

	public InboxException(String message, Throwable cause) {
		super(message, cause);
	}

}
