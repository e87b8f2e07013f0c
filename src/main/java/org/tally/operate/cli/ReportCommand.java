package org.tally.operate.cli;

import picocli.CommandLine.Mixin;

/**
 * A command that works on its own (no application context of the warehouse) and prints
 * the report it makes as a table or, with {@code --format json}, as JSON.
 */
abstract class ReportCommand<R> extends BaseCommand {

	@Mixin
	FormatOption format;

	@Override
	public Integer call() throws Exception {
		R report = report();
		return printed(format.render(() -> table(report), () -> report), status(report));
	}

	/** Does the command's work; its progress goes to {@link #progressLines()}. */
	abstract R report() throws Exception;

	abstract String table(R report);

	/** The exit status the report earns. */
	ExitCode status(R report) {
		return ExitCode.OK;
	}

}
