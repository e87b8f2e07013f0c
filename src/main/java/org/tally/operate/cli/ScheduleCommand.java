package org.tally.operate.cli;

import java.time.ZoneId;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `tally schedule list|pause|resume`: the schedules of jobs/*.yml, shared by every `tally
 * serve` node.
 */
@Command(name = "schedule", description = "Lists, pauses and resumes schedules.",
		subcommands = { ScheduleCommand.List.class, ScheduleCommand.Pause.class, ScheduleCommand.Resume.class })
class ScheduleCommand extends BaseCommand.Group {

	@Command(name = "list", description = "Lists the installed schedules.")
	static class List extends ContextCommand {

		@Override
		int call(ConfigurableApplicationContext context) {
			TextTable table = new TextTable("schedule", "cron", "time zone", "state", "next fire", "previous fire");
			context.getBean(Operations.class)
				.schedules()
				.forEach(s -> table.row(s.name(), s.cron(), s.timeZone(), s.state(),
						s.nextFire() == null ? "" : s.nextFire().atZone(ZoneId.of(s.timeZone())).toLocalDateTime(),
						s.previousFire() == null ? ""
								: s.previousFire().atZone(ZoneId.of(s.timeZone())).toLocalDateTime()));
			out().print(table.isEmpty() ? "no schedule installed yet: `tally serve` installs jobs/*.yml\n"
					: table.toString());
			out().flush();
			return ExitCode.OK.code();
		}

	}

	/** Pauses or resumes one schedule on every node; an unknown schedule is refused. */
	abstract static class Change extends ContextCommand {

		@Parameters(paramLabel = "JOB", description = "schedule name: the file name in jobs/ (e.g. nightly)")
		String schedule;

		@Override
		int call(ConfigurableApplicationContext context) {
			out().println("schedule " + schedule + " " + change(context.getBean(Operations.class)));
			return ExitCode.OK.code();
		}

		/** Changes the schedule; answers what it did. */
		abstract String change(Operations operations);

	}

	@Command(name = "pause", description = "Pauses a schedule on every node.")
	static class Pause extends Change {

		@Override
		String change(Operations operations) {
			operations.pause(schedule, Actor.cli());
			return "paused";
		}

	}

	@Command(name = "resume", description = "Resumes a paused schedule (a fire missed while paused runs once now).")
	static class Resume extends Change {

		@Override
		String change(Operations operations) {
			operations.resume(schedule, Actor.cli());
			return "resumed";
		}

	}

}
