package org.tally.operate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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

	/** Prints the text at once; answers the exit status it is given. */
	int printed(String text, ExitCode status) {
		out().print(text);
		out().flush();
		return status.code();
	}

	/**
	 * A long command's progress lines, on standard error as {@code tally: NAME: line}.
	 */
	Consumer<String> progressLines() {
		return line -> {
			err().println("tally: " + spec.name() + ": " + line);
			err().flush();
		};
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
