package org.tally.operate.cli;

import java.time.LocalDate;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `tally rerun`: a new run for one period (optionally one department) that supersedes its
 * figures.
 */
@Command(name = "rerun",
		description = "Runs again for one reporting period; the new run's figures supersede the earlier ones.")
class RerunCommand extends RunStartingCommand {

	@Option(names = "--as-of", required = true, paramLabel = "DATE", description = "reporting period (yyyy-mm-dd)")
	LocalDate asOf;

	@Option(names = "--department", paramLabel = "ID",
			description = "gather only this department's sources (e.g. finance); default all")
	String department;

	@Override
	RunReport start(Operations operations) throws RunRefusedException {
		return operations.rerun(asOf, department, Actor.cli());
	}

}
