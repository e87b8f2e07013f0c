package org.tally.pipeline;

/**
 * A run was refused because another one is going: worth trying again once it ends.
 */
public class RunBusyException extends RunRefusedException {

	RunBusyException(String message, Throwable cause) {
		super(message, cause);
	}

}
