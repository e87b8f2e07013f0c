package org.tally.operate.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Says each error on one line naming what is wrong; the stack trace goes to
 * logs/tally.json, never to the terminal.
 */
final class OneLineErrors {

	private static final Logger failures = LoggerFactory.getLogger("tally.failure");

	private OneLineErrors() {
	}

	/** A command failed or was refused. */
	static int execution(Exception failure, CommandLine command, ParseResult parsed) {
		configureLoggingIfNone();
		failures.error("{} failed", command.getCommandSpec().qualifiedName(), failure);
		// A refusal's own message names the run or schedule; its cause is detail for the
		// log.
		String line = ExitCode.of(failure) == ExitCode.REFUSED.code() ? "refused: " + firstLine(failure.getMessage())
				: reason(failure);
		command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + line);
		return command.getExitCodeExceptionMapper().getExitCode(failure);
	}

	/** The command line is wrong: says how, and where the help is. */
	static int usage(ParameterException wrong, String[] args) {
		CommandLine command = wrong.getCommandLine();
		String name = command.getCommandSpec().qualifiedName();
		command.getErr().println(name + ": " + reason(wrong) + " (`" + name + " --help` lists the options)");
		return command.getExitCodeExceptionMapper().getExitCode(wrong);
	}

	/**
	 * A command that failed before its context started finds logback unconfigured (its
	 * default prints to the console): configure it as a context would, so the stack trace
	 * reaches the log file.
	 */
	private static void configureLoggingIfNone() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
				&& logback.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JSON") == null) {
			LoggingSystem system = LoggingSystem.get(OneLineErrors.class.getClassLoader());
			system.beforeInitialize();
			system.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
		}
	}

	/** The innermost message, which names the file, key or cell at fault. */
	static String reason(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message;
		if (root instanceof NoSuchFileException missing) {
			message = "no such file: " + missing.getFile();
		}
		else if (root instanceof AccessDeniedException denied) {
			message = "cannot read or write " + denied.getFile() + ": permission denied";
		}
		else {
			message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
		}
		return firstLine(message);
	}

	private static String firstLine(String message) {
		return message.lines().findFirst().orElse(message);
	}

}
