package org.tally.operate;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.tally.operate.cli.TallyCommand;
import picocli.CommandLine;

/**
 * The `tally` command line: parses, runs one command, and answers its exit status (see
 * docs/cli.md).
 */
public final class TallyCommandLine {

	private TallyCommandLine() {
	}

	/**
	 * Runs the command {@code args} name; commands that need Spring start
	 * {@code application}'s context.
	 */
	public static int execute(Class<?> application, String... args) {
		return execute(application, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
				new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
	}

	/** As {@link #execute(Class, String...)}, printing to the given writers. */
	public static int execute(Class<?> application, PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = TallyCommand.commandLine(application);
		commandLine.setOut(out);
		commandLine.setErr(err);
		return commandLine.execute(args);
	}

}
