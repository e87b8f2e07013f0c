package org.tally.operate;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tally.operate.cli.TallyCommand;
import picocli.CommandLine;

/** The `tally` command line: parses, runs one command, and answers its exit status. */
public final class TallyCommandLine {

	private static final Logger failures = LoggerFactory.getLogger("tally.failure");

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
		CommandLine commandLine = new CommandLine(new TallyCommand(), new TallyCommand.Factory(application));
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
			// One line for the person at the terminal; the stack trace goes to
			// logs/tally.json.
			failures.error("tally {} failed", cmd.getCommandName(), ex);
			cmd.getErr().println("tally " + cmd.getCommandName() + ": " + reason(ex));
			return 1;
		});
		return commandLine.execute(args);
	}

	/** The innermost message, which names the file, key or cell at fault. */
	static String reason(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
		return message.lines().findFirst().orElse(message);
	}

}
