package org.tally.operate.cli;

/**
 * A command that will not do what was asked, for a reason the operator can act on (a
 * non-empty data directory, an external database): it ends in one line and exit code 3,
 * like a refused run.
 */
class CommandRefusedException extends RuntimeException {

	CommandRefusedException(String reason) {
		super(reason);
	}

}
