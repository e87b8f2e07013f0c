package org.tally.operate.cli;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.operate.Operations;
import org.tally.pipeline.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `tally runs`: the run history, newest first, with each step's counts. */
@Command(name = "runs", description = "Lists the runs: status, as-of, trigger, who started it, duration, step counts.")
class RunsCommand extends ContextCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Mixin
	FormatOption format;

	@Option(names = "--limit", defaultValue = "20", description = "how many runs, newest first (default 20)")
	int limit;

	@Override
	int call(ConfigurableApplicationContext context) {
		List<RunSummary> runs = context.getBean(Operations.class).runs(limit);
		out().print(format.render(() -> table(runs), () -> runs.stream().map(RunsCommand::json).toList()));
		out().flush();
		return ExitCode.OK.code();
	}

	static String table(List<RunSummary> runs) {
		TextTable table = new TextTable("run", "status", "as-of", "trigger", "started by", "started", "duration",
				"steps");
		for (RunSummary run : runs) {
			table.row(run.runId() + (run.executions() > 1 ? " (x" + run.executions() + ")" : ""), run.status(),
					run.asOf() == null ? "all" : run.asOf(), run.trigger(), run.startedBy(),
					run.startTime() == null ? "" : TIME.format(run.startTime()),
					String.format("%.1f s", run.duration().toMillis() / 1000.0), steps(run));
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
				.append(String.format(Locale.ROOT, " %.1fs", step.duration().toMillis() / 1000.0));
			if (!"COMPLETED".equals(step.status())) {
				text.append(' ').append(step.status());
			}
		}
		return text.toString();
	}

	static Map<String, Object> json(RunSummary run) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("runId", run.runId());
		json.put("executionId", run.executionId());
		json.put("executions", run.executions());
		json.put("status", run.status());
		json.put("exitCode", run.exitCode());
		json.put("failure", run.failure());
		json.put("asOf", run.asOf() == null ? null : run.asOf().toString());
		json.put("trigger", run.trigger());
		json.put("sources", run.sources());
		json.put("startedBy", run.startedBy());
		json.put("owner", run.owner());
		json.put("startTime", run.startTime() == null ? null : run.startTime().toString());
		json.put("endTime", run.endTime() == null ? null : run.endTime().toString());
		json.put("durationSeconds", run.duration().toMillis() / 1000.0);
		json.put("steps", run.steps().stream().map(s -> {
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("name", s.name());
			step.put("status", s.status());
			step.put("read", s.read());
			step.put("written", s.written());
			step.put("skipped", s.skipped());
			step.put("rejected", s.rejected());
			step.put("filtered", s.filtered());
			step.put("durationSeconds", s.duration().toMillis() / 1000.0);
			return step;
		}).toList());
		return json;
	}

}
