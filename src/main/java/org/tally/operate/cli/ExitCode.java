package org.tally.operate.cli;

import org.tally.database.ReaderRoleException;
import org.tally.operate.accounts.AccountException;
import org.tally.pipeline.RunRefusedException;
import org.tally.schedule.ScheduleException;
import picocli.CommandLine.ParameterException;

/**
 * What a `tally` command's exit status means, one meaning per code; docs/cli.md lists the
 * same table.
 */
public enum ExitCode {

	/** The command did what it was asked and found nothing wrong. */
	OK(0),

	/**
	 * The command could not do its work: a file or directory is missing, the
	 * configuration is invalid, the database cannot be reached. The line on standard
	 * error names what; the stack trace is in logs/tally.json.
	 */
	ERROR(1),

	/**
	 * The command line is wrong: an unknown command or option, a missing or malformed
	 * value, options that do not go together.
	 */
	USAGE(2),

	/**
	 * Nothing was changed because the operation was refused: another run holds the run
	 * lock, the run cannot be restarted or stopped, or the schedule is unknown or could
	 * not be changed.
	 */
	REFUSED(3),

	/**
	 * The run started but did not complete (FAILED or STOPPED); `tally restart RUN`
	 * continues it from the step that failed.
	 */
	RUN_NOT_COMPLETED(4),

	/**
	 * The command worked and found a problem: a blocking check failed, a claim is
	 * contradicted, the integrity check or a fault scenario found a difference.
	 */
	FINDINGS(5),

	/**
	 * There is nothing to show yet: no run, no checks, no published or verified figures
	 * (`tally run` first).
	 */
	NOTHING_YET(6);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	/** The process exit status. */
	public int code() {
		return code;
	}

	/** The exit status a command's failure ends the process with. */
	static int of(Throwable failure) {
		if (failure instanceof ParameterException) {
			return USAGE.code;
		}
		if (failure instanceof RunRefusedException || failure instanceof ScheduleException
				|| failure instanceof AccountException || failure instanceof ReaderRoleException
				|| failure instanceof CommandRefusedException) {
			return REFUSED.code;
		}
		return ERROR.code;
	}

}
