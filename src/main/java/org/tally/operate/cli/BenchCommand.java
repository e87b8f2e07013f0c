package org.tally.operate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tally.bench.ApiBenchReport;
import org.tally.bench.StartupBench;
import org.tally.bench.Benchmark;
import org.tally.bench.ClaimBench;
import org.tally.bench.BenchmarkReport;
import org.tally.bench.ScaleReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `tally bench`: Tally's ingest against the fastest XLSX reader and plain COPY, measured
 * together.
 */
@Command(name = "bench",
		description = "Measures parse-only, COPY-only and Tally end to end on a generated project ledger.")
class BenchCommand extends ReportCommand<Object> {

	@Option(names = "--rows", defaultValue = "1000000", description = "rows of the generated ledger")
	int rows;

	@Option(names = "--repetitions", defaultValue = "3", description = "runs of each measure; the median is reported")
	int repetitions;

	@Option(names = "--scale", split = ",", paramLabel = "ROWS",
			description = "the measures at each of these sizes (e.g. 100000,1000000,5000000), for linearity: "
					+ "seconds per million rows and peak heap by size, instead of --rows")
	List<Integer> scale;

	/**
	 * Rows a sheet holds: Excel's, unless a test makes it small to split small ledgers.
	 */
	@Option(names = "--sheet-rows", defaultValue = "1048576", hidden = true)
	int sheetRows;

	@Option(names = "--night",
			description = "also a realistic night: 20 departments, two periods, 2,000-20,000 rows a sheet")
	boolean night;

	@ArgGroup(exclusive = false, heading = "The press side under load, instead of the ingest:%n")
	ApiLoad apiLoad;

	/** `--api` and what only it takes: a group, so `--clients` alone is refused. */
	static class ApiLoad {

		@Option(names = "--api", required = true,
				description = "the press side under load (figures API, press page, claim check), idle and during a night run")
		boolean api;

		@Option(names = "--api-seconds", paramLabel = "N",
				description = "seconds of load per endpoint idle, and at most during the night run (default 30)")
		int seconds = 30;

		@Option(names = "--clients", paramLabel = "N", description = "concurrent clients (default 16)")
		int clients = 16;

	}

	@Option(names = "--startup",
			description = "instead: how long commands take to start (--help, figures with the database down and up, claims check)")
	boolean startup;

	@Mixin
	LocationOptions locations;

	@Option(names = "--work", defaultValue = "./data/bench", paramLabel = "DIR",
			description = "where the generated files and the benchmark's own database live (never the warehouse's)")
	Path work;

	@Option(names = "--quiet", description = "print only the report: no progress")
	boolean quiet;

	/**
	 * Each repetition's time on its own line, and the progress of the file each run
	 * reads.
	 */
	@Override
	Object report() throws Exception {
		if (apiLoad != null) {
			return BenchApi.measure(this);
		}
		if (startup) {
			EmbeddedServerChatter.silence();
			return StartupBench.measure(work.resolve("startup"), locations.configDir, repetitions, quiet ? line -> {
			} : progressLines());
		}
		try (ProgressDisplay display = ProgressDisplay.of(quiet, err(), spec.name())) {
			if (scale != null) {
				List<BenchmarkReport> sizes = new ArrayList<>();
				for (int size : scale) {
					sizes.add(benchmark(display, size).runMeasures());
				}
				return ScaleReport.of(sizes);
			}
			Benchmark benchmark = benchmark(display, rows);
			BenchmarkReport report = benchmark.run();
			if (night) {
				report = report.withNight(benchmark.night(projectConfig(),
						(config, inbox) -> display.watch(CommandContexts.start(benchLocations(config, inbox), false))));
			}
			return report.withClaims(ClaimBench.measure(repetitions));
		}
	}

	private Benchmark benchmark(ProgressDisplay display, int size) {
		return new Benchmark(work, size, repetitions, projectConfig(), sheetRows,
				setup -> display.watch(CommandContexts.start(
						benchLocations(setup.config() == null ? locations.configDir : setup.config(), setup.inbox()),
						setup.properties())),
				quiet ? line -> {
				} : display::println);
	}

	private Path projectConfig() {
		return locations.configDir == null ? Path.of("config") : locations.configDir;
	}

	@Override
	String table(Object report) {
		if (report instanceof ApiBenchReport apiReport) {
			return BenchApi.table(apiReport);
		}
		if (report instanceof StartupBench.Report startupReport) {
			return startupTable(startupReport);
		}
		StringWriter table = new StringWriter();
		if (report instanceof ScaleReport scaleReport) {
			BenchScale.print(scaleReport, new PrintWriter(table));
		}
		else {
			print((BenchmarkReport) report, new PrintWriter(table));
		}
		return table.toString();
	}

	/** The benchmark's own database and inbox, never the warehouse's. */
	LocationOptions benchLocations(Path config, Path inbox) {
		LocationOptions bench = new LocationOptions(locations.application);
		bench.configDir = config;
		bench.inbox = inbox;
		bench.dataDir = work.resolve("database");
		return bench;
	}

	private static String startupTable(StartupBench.Report report) {
		TextTable table = new TextTable("command", "median s", "runs (s)");
		for (StartupBench.Measure measure : report.measures()) {
			table.row(measure.name(), String.format("%.2f", measure.medianSeconds()),
					measure.seconds().stream().map(s -> String.format("%.2f", s)).toList());
		}
		return String.format("start-up, %d repetitions (median), %s, JVM options: %s%n", report.repetitions(),
				report.machine(), report.launch().isEmpty() ? "none" : report.launch()) + table;
	}

	private static void print(BenchmarkReport report, PrintWriter out) {
		out.printf("%,d rows, XLSX %.1f MB, %d repetitions (median), max heap %d MB, %s%n", report.rows(),
				report.xlsxBytes() / 1e6, report.repetitions(), report.maxHeapBytes() >> 20, report.machine());
		report.notes().forEach(out::println);
		TextTable table = new TextTable("measure", "median s", "rows/s", "s/M rows", "runs (s)");
		for (BenchmarkReport.Measure measure : report.measures()) {
			table.row(measure.name(), String.format("%.2f", measure.medianSeconds()),
					String.format("%,.0f", measure.rowsPerSecond()),
					String.format("%.2f", measure.secondsPerMillionRows()),
					measure.seconds().stream().map(s -> String.format("%.2f", s)).toList());
		}
		if (report.claims() != null) {
			BenchmarkReport.Measure claims = report.claims();
			table.row(claims.name(), String.format("%.3f", claims.medianSeconds()),
					String.format("%,.0f chars", claims.rowsPerSecond()), "",
					claims.seconds().stream().map(s -> String.format("%.3f", s)).toList());
		}
		if (report.night() != null) {
			BenchmarkReport.Measure night = report.night();
			table.row(night.name(), String.format("%.2f", night.medianSeconds()),
					String.format("%,.0f", night.rowsPerSecond()), String.format("%.2f", night.secondsPerMillionRows()),
					night.seconds().stream().map(s -> String.format("%.2f", s)).toList());
		}
		out.print(table);
		Map<String, String> summary = new LinkedHashMap<>();
		summary.put("Tally XLSX / parse-only", String.format("%.2f", report.xlsxToParseRatio()));
		summary.put("Tally CSV / COPY-only", String.format("%.2f", report.csvToCopyRatio()));
		if (report.nightToLargeFileRatio() != null) {
			summary.put("night / one large XLSX (rows/s)", String.format("%.2f", report.nightToLargeFileRatio()));
		}
		summary.put("peak heap, Tally XLSX", (report.peakHeapBytesTallyXlsx() >> 20) + " MB");
		summary.put("peak heap, Tally CSV", (report.peakHeapBytesTallyCsv() >> 20) + " MB");
		summary.put("live heap, Tally XLSX", (report.peakHeapAfterGcBytesTallyXlsx() >> 20) + " MB at most");
		summary.put("live heap, Tally CSV", (report.peakHeapAfterGcBytesTallyCsv() >> 20) + " MB at most");
		summary.put("peak RSS of the process", (report.peakRssBytes() >> 20) + " MB");
		if (report.progress() != null) {
			BenchmarkReport.ProgressCost cost = report.progress();
			summary.put("progress cost, Tally CSV", String.format("%+.1f%% (median %.2f s on, %.2f s off)",
					cost.percent(), cost.on().medianSeconds(), cost.off().medianSeconds()));
		}
		summary.forEach((k, v) -> out.printf("%-26s %s%n", k + ":", v));
	}

}
