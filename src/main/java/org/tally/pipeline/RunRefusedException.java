package org.tally.pipeline;

/**
 * A run could not be started (already running, already complete, bad parameters); says
 * which.
 */
public class RunRefusedException extends Exception {

	public RunRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
