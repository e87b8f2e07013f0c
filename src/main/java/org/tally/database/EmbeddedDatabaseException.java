package org.tally.database;

/** The embedded PostgreSQL could not be started or reached on its data directory. */
public class EmbeddedDatabaseException extends RuntimeException {

	public EmbeddedDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}

}
