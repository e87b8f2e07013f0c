package org.tally.operate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command has: its place on the command line and the terminal's two streams.
 * Help and version options are inherited from `tally`.
 */
abstract class BaseCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	PrintWriter out() {
		return spec.commandLine().getOut();
	}

	PrintWriter err() {
		return spec.commandLine().getErr();
	}

	/** Says on one line why there is nothing to show, and answers its exit status. */
	int nothingYet(String why) {
		err().println("tally: " + why);
		return ExitCode.NOTHING_YET.code();
	}

	/** A command that only groups subcommands prints its usage when called alone. */
	abstract static class Group extends BaseCommand {

		@Override
		public Integer call() {
			spec.commandLine().usage(out());
			return ExitCode.OK.code();
		}

	}

}
