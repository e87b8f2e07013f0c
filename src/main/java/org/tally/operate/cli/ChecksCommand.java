package org.tally.operate.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.reconcile.CheckOutcome;
import org.tally.reconcile.Reconciler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * `tally checks`: the latest run's reconciliation results, with the cells that fail them.
 */
@Command(name = "checks", mixinStandardHelpOptions = true,
		description = "Shows the latest run's reconciliation checks with their evidence; exit 1 when a blocking check failed.")
class ChecksCommand implements Callable<Integer> {

	@Mixin
	LocationOptions locations;

	@Spec
	CommandSpec spec;

	@Option(names = "--format", defaultValue = "table", description = "table or json")
	OutputFormat format;

	@Option(names = "--as-of", paramLabel = "DATE",
			description = "reporting period; default every period of the latest run")
	LocalDate asOf;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = CommandContexts.start(locations, false)) {
			Reconciler reconciler = context.getBean(Reconciler.class);
			Optional<Long> run = reconciler.latestRun(asOf);
			if (run.isEmpty()) {
				spec.commandLine()
					.getErr()
					.println("tally: no checks have run" + (asOf == null ? "" : " for " + asOf)
							+ " yet; run `tally run` first");
				return 1;
			}
			List<CheckOutcome> outcomes = reconciler.outcomes(run.get(), asOf);
			out.print(format == OutputFormat.JSON ? json(run.get(), outcomes) : table(run.get(), outcomes));
			out.flush();
			return outcomes.stream().anyMatch(CheckOutcome::blocking) ? 1 : 0;
		}
	}

	static String table(long runId, List<CheckOutcome> outcomes) {
		TextTable table = new TextTable("period", "check", "type", "severity", "result", "expected", "actual",
				"difference", "message");
		outcomes.forEach(c -> table.row(c.asOf(), c.checkId(), c.type(), c.severity(), c.passed() ? "passed" : "FAILED",
				plain(c.expected()), plain(c.actual()), plain(c.difference()), c.message()));
		StringBuilder text = new StringBuilder("Checks of run " + runId + "\n").append(table);
		long failed = outcomes.stream().filter(c -> !c.passed()).count();
		text.append(String.format("%d passed, %d failed%n", outcomes.size() - failed, failed));
		for (CheckOutcome c : outcomes) {
			if (c.passed() || c.evidence().isEmpty()) {
				continue;
			}
			text.append("\n").append(c.checkId()).append(" (").append(c.asOf()).append(") evidence:\n");
			TextTable evidence = new TextTable("file", "sheet", "cell", "column", "expected", "actual", "note");
			c.evidence()
				.forEach(e -> evidence.row(e.file(), e.sheet(), e.cell(), e.column(), plain(e.expected()),
						plain(e.actual()), e.note()));
			text.append(evidence);
		}
		return text.toString();
	}

	static String json(long runId, List<CheckOutcome> outcomes) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("runId", runId);
		document.put("checks", outcomes.stream().map(c -> {
			Map<String, Object> check = new LinkedHashMap<>();
			check.put("id", c.checkId());
			check.put("type", c.type());
			check.put("severity", c.severity());
			check.put("asOf", c.asOf().toString());
			check.put("passed", c.passed());
			check.put("expected", plain(c.expected()));
			check.put("actual", plain(c.actual()));
			check.put("difference", plain(c.difference()));
			check.put("message", c.message());
			check.put("evidence", c.evidence().stream().map(e -> {
				Map<String, Object> cell = new LinkedHashMap<>();
				cell.put("file", e.file());
				cell.put("sheet", e.sheet());
				cell.put("cell", e.cell());
				cell.put("column", e.column());
				cell.put("expected", plain(e.expected()));
				cell.put("actual", plain(e.actual()));
				cell.put("note", e.note());
				return cell;
			}).toList());
			return check;
		}).toList());
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(document)
				+ "\n";
	}

	private static String plain(BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

}
