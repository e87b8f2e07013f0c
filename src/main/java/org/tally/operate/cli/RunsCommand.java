package org.tally.operate.cli;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.pipeline.RunHistory;
import org.tally.pipeline.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `tally runs`: the run history, newest first, with each step's counts. */
@Command(name = "runs", description = "Lists the runs: status, as-of, trigger, who started it, duration, step counts.")
class RunsCommand extends ListingCommand<RunSummary> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Option(names = "--limit", defaultValue = "20", description = "how many runs, newest first (default 20)")
	int limit;

	@Override
	List<RunSummary> rows(ConfigurableApplicationContext context) {
		// The history alone: Operations would also make the job launcher and the
		// scheduler.
		return context.getBean(RunHistory.class).history(limit);
	}

	@Override
	String table(List<RunSummary> runs) {
		TextTable table = new TextTable("run", "status", "as-of", "trigger", "started by", "started", "duration",
				"steps");
		for (RunSummary run : runs) {
			table.row(run.runId() + (run.executions() > 1 ? " (x" + run.executions() + ")" : ""), run.status(),
					run.asOf() == null ? "all" : run.asOf(), run.trigger(), run.startedBy(),
					run.startTime() == null ? "" : TIME.format(run.startTime()),
					String.format("%.1f s", seconds(run.duration())), steps(run));
		}
		StringBuilder text = new StringBuilder(table.toString());
		runs.stream()
			.filter(r -> r.failure() != null)
			.forEach(r -> text.append("  run ").append(r.runId()).append(": ").append(r.failure()).append('\n'));
		return text.toString();
	}

	/**
	 * read/written/skipped/rejected and seconds per step, in a compact form: ingest
	 * 316/316/0/0 1.2s.
	 */
	private static String steps(RunSummary run) {
		StringBuilder text = new StringBuilder();
		for (RunSummary.StepSummary step : run.steps()) {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			text.append(step.name().replace("Step", ""))
				.append(' ')
				.append(step.read())
				.append('/')
				.append(step.written())
				.append('/')
				.append(step.skipped())
				.append('/')
				.append(step.rejected())
				.append(String.format(Locale.ROOT, " %.1fs", seconds(step.duration())));
			if (!"COMPLETED".equals(step.status())) {
				text.append(' ').append(step.status());
			}
		}
		return text.toString();
	}

	@Override
	Object document(List<RunSummary> runs) {
		return runs.stream().map(RunJson::new).toList();
	}

	/** A run as {@code --format json} prints it. */
	record RunJson(long runId, long executionId, int executions, String status, String exitCode, String failure,
			String asOf, String trigger, List<String> sources, String startedBy, String owner, String startTime,
			String endTime, double durationSeconds, List<StepJson> steps) {

		RunJson(RunSummary run) {
			this(run.runId(), run.executionId(), run.executions(), run.status(), run.exitCode(), run.failure(),
					FormatOption.text(run.asOf()), run.trigger(), run.sources(), run.startedBy(), run.owner(),
					FormatOption.text(run.startTime()), FormatOption.text(run.endTime()), seconds(run.duration()),
					run.steps().stream().map(StepJson::new).toList());
		}

	}

	/** A step of a run as {@code --format json} prints it. */
	record StepJson(String name, String status, long read, long written, long skipped, long rejected, long filtered,
			double durationSeconds) {

		StepJson(RunSummary.StepSummary s) {
			this(s.name(), s.status(), s.read(), s.written(), s.skipped(), s.rejected(), s.filtered(),
					seconds(s.duration()));
		}

	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
