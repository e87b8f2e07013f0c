package org.tally.database;

/** A reader account could not be added, listed or removed; the message says why. */
public class ReaderRoleException extends RuntimeException {

	ReaderRoleException(String message) {
		super(message);
	}

	ReaderRoleException(String message, Throwable cause) {
		super(message, cause);
	}

}
