package org.tally.operate.cli;

import java.nio.file.Path;
import java.util.List;
import org.tally.bench.FaultScenario;
import org.tally.bench.FaultSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `tally faults`: the slow fault scenarios with real processes (kill -9, PostgreSQL
 * stopped, three at once, a lost run-lock lease).
 */
@Command(name = "faults",
		description = "Kills runs mid-load and mid-promotion, stops PostgreSQL under a run, starts three runs at once,"
				+ " lets two schedulers compete for one trigger, kills the run lock's session under a run, fills the data directory's disk mid-load,"
				+ " and compares each installation with a clean run;" + " exit 5 on any difference.")
class FaultsCommand extends BaseCommand {

	@Mixin
	FormatOption format;

	@Option(names = "--rows", defaultValue = "250000", description = "rows of the large ledger the faulted runs load")
	int rows;

	@Option(names = "--work", defaultValue = "./data/faults", paramLabel = "DIR",
			description = "where each scenario's inbox and embedded database live (never the warehouse's)")
	Path work;

	@Option(names = "--seeds", defaultValue = "./seeds/inbox", paramLabel = "DIR", description = "the seed inbox")
	Path seeds;

	@Option(names = "--only", paramLabel = "SCENARIO", split = ",",
			description = "run only these scenarios after the clean run: kill-mid-load, kill-mid-promotion,"
					+ " postgres-stopped, three-at-once, two-schedulers, lost-lease, disk-full")
	List<String> only = List.of();

	@Option(names = "--config", paramLabel = "DIR",
			description = "configuration directory for the runs (default ./config)")
	Path config;

	@Override
	public Integer call() throws Exception {
		// The suite starts and stops embedded servers itself, some of them stopped on
		// purpose under a scenario (the library logs an error on letting go of those).
		EmbeddedServerChatter.silence();
		List<FaultScenario> scenarios = new FaultSuite(work, seeds, config, rows, only, line -> {
			err().println("tally: faults: " + line);
			err().flush();
		}).run();
		out().print(format.render(() -> table(scenarios), () -> scenarios));
		out().flush();
		return scenarios.stream().allMatch(FaultScenario::holds) ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
	}

	private static String table(List<FaultScenario> scenarios) {
		TextTable table = new TextTable("scenario", "files", "rows compared", "differences", "seconds");
		scenarios.forEach(s -> table.row(s.name(), s.filesTried(), s.rowsCompared(), s.differences().size(),
				String.format("%.1f", s.seconds())));
		StringBuilder text = new StringBuilder(table.toString());
		for (FaultScenario s : scenarios) {
			text.append('\n').append(s.name()).append(s.holds() ? ": holds" : ": DIFFERS").append('\n');
			text.append("  injects: ").append(s.injects()).append('\n');
			text.append("  proves:  ").append(s.proves()).append('\n');
			s.observations().forEach(o -> text.append("  seen:    ").append(o).append('\n'));
			s.differences().forEach(d -> text.append("  DIFF:    ").append(d).append('\n'));
		}
		return text.toString();
	}

}
