package org.tally.operate.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `tally stop RUN`: asks a running run to stop, wherever it runs; restart it later with
 * `tally restart`.
 */
@Command(name = "stop", description = "Stops a running run at its next step or chunk boundary.")
class StopCommand extends ContextCommand {

	@Parameters(paramLabel = "RUN", description = "run id, as `tally runs` lists it")
	long runId;

	@Override
	int call(ConfigurableApplicationContext context) throws RunRefusedException {
		out().println(context.getBean(Operations.class).stop(runId, Actor.cli()));
		return ExitCode.OK.code();
	}

}
