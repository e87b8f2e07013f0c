package org.tally.operate.cli;

import picocli.CommandLine.Command;

/** The top-level `tally` command: lists the subcommands. */
@Command(name = "tally", mixinStandardHelpOptions = true, version = "Tally 0.1",
		description = "Consolidates department spreadsheets into the PostgreSQL reporting warehouse.",
		subcommands = { RunCommand.class, FiguresCommand.class, FilesCommand.class, SeedsCommand.class,
				ChecksCommand.class, ClaimsCommand.class, BenchCommand.class, VerifyIntegrityCommand.class,
				RunsCommand.class, RerunCommand.class, RestartCommand.class, StopCommand.class, ScheduleCommand.class,
				ServeCommand.class, RejectsCommand.class, FaultsCommand.class })
public class TallyCommand implements Runnable {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/**
	 * Creates the commands; hands every command's location options the application to
	 * start.
	 */
	public static final class Factory implements picocli.CommandLine.IFactory {

		private final Class<?> application;

		public Factory(Class<?> application) {
			this.application = application;
		}

		@Override
		public <K> K create(Class<K> type) throws Exception {
			if (type == LocationOptions.class) {
				return type.cast(new LocationOptions(application));
			}
			return picocli.CommandLine.defaultFactory().create(type);
		}

	}

}
