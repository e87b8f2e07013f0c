package org.tally.operate.cli;

import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `tally restart RUN`: continues a failed or stopped run from the step that failed;
 * completed steps are skipped.
 */
@Command(name = "restart",
		description = "Restarts a failed or stopped run from the step that failed (the same run, not a new one).")
class RestartCommand extends RunStartingCommand {

	@Parameters(paramLabel = "RUN", description = "run id, as `tally runs` lists it")
	long runId;

	@Override
	RunReport start(Operations operations) throws RunRefusedException {
		return operations.restart(runId, Actor.cli());
	}

}
