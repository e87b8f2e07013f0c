package org.tally.operate.cli;

import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadStatus;
import org.tally.operate.Operations;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import org.tally.reconcile.CheckOutcome;
import picocli.CommandLine.Option;

/**
 * A command that runs the consolidation in this process, with its log lines and the
 * progress of each file it reads (see {@link ProgressDisplay}), and then prints its
 * summary and figures: run, rerun, restart.
 */
abstract class RunStartingCommand extends ContextCommand {

	@Option(names = "--quiet", description = "print only the summary: no log lines, no progress")
	boolean quiet;

	@Override
	boolean progress() {
		return !quiet;
	}

	@Override
	int call(ConfigurableApplicationContext context) throws RunRefusedException {
		RunReport report;
		try (ProgressDisplay display = ProgressDisplay.of(quiet, err(), spec.name())) {
			display.watch(context);
			report = start(context.getBean(Operations.class));
		}
		print(report, out());
		out().flush();
		if (!report.completed()) {
			err().println("tally: run " + report.runId() + " " + report.status() + ": " + report.failure());
			return ExitCode.RUN_NOT_COMPLETED.code();
		}
		return ExitCode.OK.code();
	}

	/**
	 * Runs to the end; refused when another run holds the lock or this one cannot start.
	 */
	abstract RunReport start(Operations operations) throws RunRefusedException;

	static void print(RunReport report, PrintWriter out) {
		out.println();
		out.printf("Run %d %s in %.1f s%n", report.runId(), report.status(), report.duration().toMillis() / 1000.0);
		TextTable steps = new TextTable("step", "status", "read", "written", "skipped");
		report.steps().forEach(s -> steps.row(s.name(), s.status(), s.read(), s.written(), s.skipped()));
		out.print(steps);
		long rows = report.files().stream().filter(f -> f.rowsLoaded() != null).mapToLong(FileRecord::rowsLoaded).sum();
		long rejected = report.files()
			.stream()
			.filter(f -> f.rowsRejected() != null)
			.mapToLong(FileRecord::rowsRejected)
			.sum();
		long passed = report.checks().stream().filter(CheckOutcome::passed).count();
		out.println();
		out.printf("Files read: %d (loaded %d, duplicate %d, quarantined %d, rejected %d)%n", report.files().size(),
				count(report, LoadStatus.LOADED), count(report, LoadStatus.DUPLICATE),
				count(report, LoadStatus.QUARANTINED), count(report, LoadStatus.REJECTED));
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
