package org.tally.operate.cli;

import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.schedule.ScheduleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `tally schedule list|pause|resume`: the schedules of jobs/*.yml, shared by every `tally
 * serve` node.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true, description = "Lists, pauses and resumes schedules.",
		subcommands = { ScheduleCommand.List.class, ScheduleCommand.Pause.class, ScheduleCommand.Resume.class })
class ScheduleCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the installed schedules.")
	static class List implements Callable<Integer> {

		@Mixin
		LocationOptions locations;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = CommandContexts.start(locations, false)) {
				TextTable table = new TextTable("schedule", "cron", "time zone", "state", "next fire", "previous fire");
				context.getBean(Operations.class)
					.schedules()
					.forEach(s -> table.row(s.name(), s.cron(), s.timeZone(), s.state(),
							s.nextFire() == null ? "" : s.nextFire().atZone(ZoneId.of(s.timeZone())).toLocalDateTime(),
							s.previousFire() == null ? ""
									: s.previousFire().atZone(ZoneId.of(s.timeZone())).toLocalDateTime()));
				spec.commandLine()
					.getOut()
					.print(table.isEmpty() ? "no schedule installed yet: `tally serve` installs jobs/*.yml\n"
							: table.toString());
				spec.commandLine().getOut().flush();
				return 0;
			}
		}

	}

	@Command(name = "pause", mixinStandardHelpOptions = true, description = "Pauses a schedule on every node.")
	static class Pause implements Callable<Integer> {

		@Mixin
		LocationOptions locations;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "JOB", description = "schedule name: the file name in jobs/ (e.g. nightly)")
		String schedule;

		@Override
		public Integer call() {
			return change(locations, spec, schedule, true);
		}

	}

	@Command(name = "resume", mixinStandardHelpOptions = true,
			description = "Resumes a paused schedule (a fire missed while paused runs once now).")
	static class Resume implements Callable<Integer> {

		@Mixin
		LocationOptions locations;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "JOB", description = "schedule name: the file name in jobs/ (e.g. nightly)")
		String schedule;

		@Override
		public Integer call() {
			return change(locations, spec, schedule, false);
		}

	}

	private static int change(LocationOptions locations, CommandSpec spec, String schedule, boolean pause) {
		try (ConfigurableApplicationContext context = CommandContexts.start(locations, false)) {
			Operations operations = context.getBean(Operations.class);
			try {
				if (pause) {
					operations.pause(schedule, Actor.cli());
				}
				else {
					operations.resume(schedule, Actor.cli());
				}
			}
			catch (ScheduleException ex) {
				spec.commandLine().getErr().println("tally: " + ex.getMessage());
				return 2;
			}
			spec.commandLine().getOut().println("schedule " + schedule + (pause ? " paused" : " resumed"));
			return 0;
		}
	}

}
