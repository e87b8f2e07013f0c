package org.tally.operate.cli;

import java.time.LocalDate;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `tally run`: the nightly consolidation, now, with progress, a summary and the figures.
 */
@Command(name = "run", description = "Gathers the inbox, loads new files, reconciles and publishes the figures.")
class RunCommand extends RunStartingCommand {

	@Option(names = "--as-of", paramLabel = "DATE",
			description = "reporting period to publish (yyyy-mm-dd); default: every period with data")
	LocalDate asOf;

	@Override
	RunReport start(Operations operations) throws RunRefusedException {
		return operations.runNow(asOf, Actor.cli());
	}

}
