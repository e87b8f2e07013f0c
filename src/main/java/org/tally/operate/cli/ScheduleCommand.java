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
			return printed(table.isEmpty() ? "no schedule installed yet: `tally serve` installs jobs/*.yml\n"
					: table.toString(), ExitCode.OK);
		}

	}

	/** Pauses or resumes one schedule on every node; an unknown schedule is refused. */
	abstract static class Change extends ContextCommand {

		private final Action action;

		private final String done;

		@Parameters(paramLabel = "JOB", description = "schedule name: the file name in jobs/ (e.g. nightly)")
		String schedule;

		Change(Action action, String done) {
			this.action = action;
			this.done = done;
		}

		@Override
		int call(ConfigurableApplicationContext context) {
			action.apply(context.getBean(Operations.class), schedule, Actor.cli());
			out().println("schedule " + schedule + " " + done);
			return ExitCode.OK.code();
		}

		/** What the change does to a schedule, on behalf of whom. */
		interface Action {

			void apply(Operations operations, String schedule, Actor actor);

		}

	}

	@Command(name = "pause", description = "Pauses a schedule on every node.")
	static class Pause extends Change {

		Pause() {
			super(Operations::pause, "paused");
		}

	}

	@Command(name = "resume", description = "Resumes a paused schedule (a fire missed while paused runs once now).")
	static class Resume extends Change {

		Resume() {
			super(Operations::resume, "resumed");
		}

	}

}
