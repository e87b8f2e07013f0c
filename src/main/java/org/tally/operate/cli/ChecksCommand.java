package org.tally.operate.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.reconcile.CheckOutcome;
import org.tally.reconcile.Reconciler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `tally checks`: the latest run's reconciliation results, with the cells that fail them.
 */
@Command(name = "checks",
		description = "Shows the latest run's reconciliation checks with their evidence; exit 5 when a blocking check failed.")
class ChecksCommand extends ContextCommand {

	@Mixin
	FormatOption format;

	@Option(names = "--as-of", paramLabel = "DATE",
			description = "reporting period; default every period of the latest run")
	LocalDate asOf;

	@Override
	int call(ConfigurableApplicationContext context) {
		Reconciler reconciler = context.getBean(Reconciler.class);
		Optional<Long> run = reconciler.latestRun(asOf);
		if (run.isEmpty()) {
			return nothingYet(
					"no checks have run" + (asOf == null ? "" : " for " + asOf) + " yet; run `tally run` first");
		}
		List<CheckOutcome> outcomes = reconciler.outcomes(run.get(), asOf);
		out().print(format.render(() -> table(run.get(), outcomes), () -> document(run.get(), outcomes)));
		out().flush();
		return outcomes.stream().anyMatch(CheckOutcome::blocking) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
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
		return FormatOption.json(document(runId, outcomes));
	}

	private static Map<String, Object> document(long runId, List<CheckOutcome> outcomes) {
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
		return document;
	}

	private static String plain(BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

}
