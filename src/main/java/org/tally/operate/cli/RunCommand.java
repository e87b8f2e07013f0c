package org.tally.operate.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadStatus;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import org.tally.reconcile.CheckOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `tally run`: the nightly consolidation, now, with progress, a summary and the figures.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Gathers the inbox, loads new files, reconciles and publishes the figures.")
class RunCommand implements Callable<Integer> {

	@Mixin
	LocationOptions locations;

	@Spec
	CommandSpec spec;

	@Option(names = "--as-of", paramLabel = "DATE",
			description = "reporting period to publish (yyyy-mm-dd); default: every period with data")
	LocalDate asOf;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (ConfigurableApplicationContext context = CommandContexts.start(locations, true)) {
			RunReport report;
			try {
				report = context.getBean(org.tally.operate.Operations.class)
					.runNow(asOf, org.tally.operate.Actor.cli());
			}
			catch (RunRefusedException ex) {
				err.println("tally: run refused: " + ex.getMessage());
				return 2;
			}
			print(report, out);
			out.flush();
			if (!report.completed()) {
				err.println("tally: run " + report.runId() + " " + report.status() + ": " + report.failure());
				return 1;
			}
			return 0;
		}
	}

	static void print(RunReport report, PrintWriter out) {
		out.println();
		out.printf("Run %d %s in %.1f s%n", report.runId(), report.status(), report.duration().toMillis() / 1000.0);
		TextTable steps = new TextTable("step", "status", "read", "written", "skipped");
		report.steps().forEach(s -> steps.row(s.name(), s.status(), s.read(), s.written(), s.skipped()));
		out.print(steps);
		long loaded = count(report, LoadStatus.LOADED);
		long duplicates = count(report, LoadStatus.DUPLICATE);
		long quarantined = count(report, LoadStatus.QUARANTINED);
		long rejectedFiles = count(report, LoadStatus.REJECTED);
		long rows = report.files().stream().filter(f -> f.rowsLoaded() != null).mapToLong(FileRecord::rowsLoaded).sum();
		long rejected = report.files()
			.stream()
			.filter(f -> f.rowsRejected() != null)
			.mapToLong(FileRecord::rowsRejected)
			.sum();
		long passed = report.checks().stream().filter(CheckOutcome::passed).count();
		out.println();
		out.printf("Files read: %d (loaded %d, duplicate %d, quarantined %d, rejected %d)%n", report.files().size(),
				loaded, duplicates, quarantined, rejectedFiles);
		out.printf("Rows loaded: %d, rows rejected: %d%n", rows, rejected);
		out.printf("Checks%s: %d passed, %d failed%n", report.asOf() == null ? "" : " (" + report.asOf() + ")", passed,
				report.checks().size() - passed);
		report.files()
			.stream()
			.filter(f -> f.status() == LoadStatus.QUARANTINED || f.status() == LoadStatus.REJECTED)
			.forEach(f -> out.printf("  %s %s: %s%n", f.status().sql(), f.filePath(), f.reason()));
		report.checks()
			.stream()
			.filter(c -> !c.passed())
			.forEach(c -> out.printf("  check %s failed: %s%n", c.checkId(), c.message()));
		if (!report.figures().isEmpty()) {
			out.println();
			out.println("Figures as of " + report.asOf() + ":");
			out.print(FiguresCommand.table(report.figures()));
		}
	}

	private static long count(RunReport report, LoadStatus status) {
		return report.files().stream().filter(f -> f.status() == status).count();
	}

}
