package org.tally.operate.cli;

import static org.tally.operate.cli.FormatOption.plain;

import java.time.LocalDate;
import java.util.List;
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
class ChecksCommand extends ReadingCommand {

	@Option(names = "--as-of", paramLabel = "DATE",
			description = "reporting period; default every period of the latest run")
	LocalDate asOf;

	@Mixin
	FormatOption format;

	@Override
	int call(ConfigurableApplicationContext context) {
		Reconciler reconciler = context.getBean(Reconciler.class);
		return reconciler.latestRun(asOf)
			.map(run -> print(run, reconciler.outcomes(run, asOf)))
			.orElseGet(() -> nothingYet(
					"no checks have run" + (asOf == null ? "" : " for " + asOf) + " yet; run `tally run` first"));
	}

	/** Prints a run's outcomes; a failed blocking check is a finding. */
	private int print(long run, List<CheckOutcome> outcomes) {
		return printed(format.render(() -> table(run, outcomes), () -> document(run, outcomes)),
				outcomes.stream().anyMatch(CheckOutcome::blocking) ? ExitCode.FINDINGS : ExitCode.OK);
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

	private static ChecksJson document(long runId, List<CheckOutcome> outcomes) {
		return new ChecksJson(runId, outcomes.stream().map(CheckJson::new).toList());
	}

	/** The checks of a run as {@code --format json} prints them. */
	record ChecksJson(long runId, List<CheckJson> checks) {
	}

	/** One check's outcome, with its evidence, as {@code --format json} prints it. */
	record CheckJson(String id, String type, String severity, String asOf, boolean passed, String expected,
			String actual, String difference, String message, List<EvidenceJson> evidence) {

		CheckJson(CheckOutcome c) {
			this(c.checkId(), c.type(), c.severity(), c.asOf().toString(), c.passed(), plain(c.expected()),
					plain(c.actual()), plain(c.difference()), c.message(),
					c.evidence().stream().map(EvidenceJson::new).toList());
		}

	}

	/** A cell that fails a check, as {@code --format json} prints it. */
	record EvidenceJson(String file, String sheet, String cell, String column, String expected, String actual,
			String note) {

		EvidenceJson(CheckOutcome.Evidence e) {
			this(e.file(), e.sheet(), e.cell(), e.column(), plain(e.expected()), plain(e.actual()), e.note());
		}

	}

}
