package org.tally.warehouse;

/** A dataset declaration asks for a change to its table that would lose data. */
public class DatasetSchemaException extends RuntimeException {

	public DatasetSchemaException(String message) {
		super(message);
	}

}
