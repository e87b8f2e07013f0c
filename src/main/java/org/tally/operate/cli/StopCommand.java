package org.tally.operate.cli;

import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `tally stop RUN`: asks a running run to stop, wherever it runs; restart it later with
 * `tally restart`.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
		description = "Stops a running run at its next step or chunk boundary.")
class StopCommand implements Callable<Integer> {

	@Mixin
	LocationOptions locations;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "RUN", description = "run id, as `tally runs` lists it")
	long runId;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = CommandContexts.start(locations, false)) {
			try {
				spec.commandLine().getOut().println(context.getBean(Operations.class).stop(runId, Actor.cli()));
				return 0;
			}
			catch (RunRefusedException ex) {
				spec.commandLine().getErr().println("tally: stop refused: " + ex.getMessage());
				return 2;
			}
		}
	}

}
