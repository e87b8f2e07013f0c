package org.tally.operate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tally.bench.FaultScenario;
import org.tally.bench.FaultSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * `tally faults`: the slow fault scenarios with real processes (kill -9, PostgreSQL
 * stopped, three at once).
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
		description = "Kills runs mid-load and mid-promotion, stops PostgreSQL under a run, starts three runs at once,"
				+ " lets two schedulers compete for one trigger, and compares each installation with a clean run;"
				+ " non-zero on any difference.")
class FaultsCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--rows", defaultValue = "250000", description = "rows of the large ledger the faulted runs load")
	int rows;

	@Option(names = "--work", defaultValue = "./data/faults", paramLabel = "DIR",
			description = "where each scenario's inbox and embedded database live (never the warehouse's)")
	Path work;

	@Option(names = "--seeds", defaultValue = "./seeds/inbox", paramLabel = "DIR", description = "the seed inbox")
	Path seeds;

	@Option(names = "--config", paramLabel = "DIR",
			description = "configuration directory for the runs (default ./config)")
	Path config;

	@Option(names = "--format", defaultValue = "table", description = "table or json")
	OutputFormat format;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		// The suite starts and stops embedded servers itself; the library's chatter (and
		// its error
		// on letting go of a server the scenario stopped on purpose) would bury the
		// report.
		if (org.slf4j.LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger zonky) {
			zonky.setLevel(ch.qos.logback.classic.Level.OFF);
		}
		List<FaultScenario> scenarios = new FaultSuite(work, seeds, config, rows, line -> {
			err.println("tally: faults: " + line);
			err.flush();
		}).run();
		if (format == OutputFormat.JSON) {
			out.println(JsonMapper.builder()
				.enable(SerializationFeature.INDENT_OUTPUT)
				.build()
				.writeValueAsString(scenarios));
		}
		else {
			TextTable table = new TextTable("scenario", "files", "rows compared", "differences", "seconds");
			scenarios.forEach(s -> table.row(s.name(), s.filesTried(), s.rowsCompared(), s.differences().size(),
					String.format("%.1f", s.seconds())));
			out.print(table);
			for (FaultScenario s : scenarios) {
				out.println();
				out.println(s.name() + (s.holds() ? ": holds" : ": DIFFERS"));
				out.println("  injects: " + s.injects());
				out.println("  proves:  " + s.proves());
				s.observations().forEach(o -> out.println("  seen:    " + o));
				s.differences().forEach(d -> out.println("  DIFF:    " + d));
			}
		}
		out.flush();
		return scenarios.stream().allMatch(FaultScenario::holds) ? 0 : 1;
	}

}
