package org.tally.backup;

/**
 * A backup could not be taken, or an archive could not be restored; the message says why.
 */
public class BackupException extends RuntimeException {

	public BackupException(String message, Throwable cause) {
		super(message, cause);
	}

}
