package org.tally.operate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ScopeType;

/**
 * The top-level `tally` command: lists the subcommands, which inherit its help and
 * version options.
 */
@Command(name = "tally", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "Tally 0.1",
		description = "Consolidates department spreadsheets into the PostgreSQL reporting warehouse.",
		subcommands = { RunCommand.class, FiguresCommand.class, FilesCommand.class, SeedsCommand.class,
				ChecksCommand.class, ClaimsCommand.class, BenchCommand.class, VerifyIntegrityCommand.class,
				RunsCommand.class, RerunCommand.class, RestartCommand.class, StopCommand.class, ScheduleCommand.class,
				ServeCommand.class, RejectsCommand.class, InspectCommand.class, FaultsCommand.class, UsersCommand.class,
				TokensCommand.class, ReadersCommand.class, WarehouseCommand.class, BackupCommand.class,
				RestoreCommand.class, GatherCommand.class })
public class TallyCommand extends BaseCommand.Group {

	/**
	 * The command line whose commands start {@code application}'s context, whose errors
	 * are one line each and whose exit codes are {@link ExitCode}'s.
	 */
	public static CommandLine commandLine(Class<?> application) {
		CommandLine commandLine = new CommandLine(new TallyCommand(), new Factory(application));
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setExitCodeExceptionMapper(ExitCode::of);
		commandLine.setExecutionExceptionHandler(OneLineErrors::execution);
		commandLine.setParameterExceptionHandler(OneLineErrors::usage);
		return commandLine;
	}

	/** Creates the commands; hands the location options the application to start. */
	static final class Factory implements IFactory {

		private final Class<?> application;

		Factory(Class<?> application) {
			this.application = application;
		}

		@Override
		public <K> K create(Class<K> type) throws Exception {
			if (type == LocationOptions.class) {
				return type.cast(new LocationOptions(application));
			}
			return CommandLine.defaultFactory().create(type);
		}

	}

}
