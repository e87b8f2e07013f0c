package org.tally.operate.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tally rerun`: a new run for one period (optionally one department) that supersedes its
 * figures.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
		description = "Runs again for one reporting period; the new run's figures supersede the earlier ones.")
class RerunCommand implements Callable<Integer> {

	@Mixin
	LocationOptions locations;

	@Spec
	CommandSpec spec;

	@Option(names = "--as-of", required = true, paramLabel = "DATE", description = "reporting period (yyyy-mm-dd)")
	LocalDate asOf;

	@Option(names = "--department", paramLabel = "ID",
			description = "gather only this department's sources (e.g. finance); default all")
	String department;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = CommandContexts.start(locations, true)) {
			RunReport report;
			try {
				report = context.getBean(Operations.class).rerun(asOf, department, Actor.cli());
			}
			catch (RunRefusedException ex) {
				spec.commandLine().getErr().println("tally: rerun refused: " + ex.getMessage());
				return 2;
			}
			RunCommand.print(report, out);
			out.flush();
			if (!report.completed()) {
				spec.commandLine()
					.getErr()
					.println("tally: run " + report.runId() + " " + report.status() + ": " + report.failure());
				return 1;
			}
			return 0;
		}
	}

}
