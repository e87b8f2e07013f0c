package org.tally.operate.internal;

import picocli.CommandLine.Command;

/** The top-level `tally` command: lists the subcommands. */
@Command(name = "tally", mixinStandardHelpOptions = true, version = "Tally 0.1",
		description = "Consolidates department spreadsheets into the PostgreSQL reporting warehouse.",
		subcommands = { RunCommand.class, FiguresCommand.class, FilesCommand.class, SeedsCommand.class,
				RejectsCommand.class })
public class TallyCommand implements Runnable {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}
}
