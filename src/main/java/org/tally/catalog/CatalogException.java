package org.tally.catalog;

/**
 * A configuration file is missing, unreadable or inconsistent; the message names the file
 * and key.
 */
public class CatalogException extends RuntimeException {

	public CatalogException(String message) {
		super(message);
	}

	public CatalogException(String message, Throwable cause) {
		super(message, cause);
	}

}
