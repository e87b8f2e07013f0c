package org.tally.operate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `tally restart RUN`: continues a failed or stopped run from the step that failed;
 * completed steps are skipped.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Restarts a failed or stopped run from the step that failed (the same run, not a new one).")
class RestartCommand implements Callable<Integer> {

	@Mixin
	LocationOptions locations;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "RUN", description = "run id, as `tally runs` lists it")
	long runId;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = CommandContexts.start(locations, true)) {
			RunReport report;
			try {
				report = context.getBean(Operations.class).restart(runId, Actor.cli());
			}
			catch (RunRefusedException ex) {
				spec.commandLine().getErr().println("tally: restart refused: " + ex.getMessage());
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
