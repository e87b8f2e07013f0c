package org.tally.operate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tally.bench.Benchmark;
import org.tally.bench.BenchmarkReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * `tally bench`: Tally's ingest against the fastest XLSX reader and plain COPY, measured
 * together.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "Measures parse-only, COPY-only and Tally end to end on a generated project ledger.")
class BenchCommand implements Callable<Integer> {

	@Mixin
	LocationOptions locations;

	@Spec
	CommandSpec spec;

	@Option(names = "--rows", defaultValue = "1000000", description = "rows of the generated ledger")
	int rows;

	@Option(names = "--repetitions", defaultValue = "3", description = "runs of each measure; the median is reported")
	int repetitions;

	@Option(names = "--work", defaultValue = "./data/bench", paramLabel = "DIR",
			description = "where the generated files and the benchmark's own database live (never the warehouse's)")
	Path work;

	@Option(names = "--format", defaultValue = "table", description = "table or json")
	OutputFormat format;

	@Option(names = "--night",
			description = "also a realistic night: 20 departments, two periods, 2,000-20,000 rows a sheet")
	boolean night;

	@Override
	public Integer call() throws Exception {
		PrintWriter err = spec.commandLine().getErr();
		Benchmark benchmark = new Benchmark(work, rows, repetitions, inbox -> {
			LocationOptions benchLocations = new LocationOptions(locations.application);
			benchLocations.configDir = locations.configDir;
			benchLocations.inbox = inbox;
			benchLocations.dataDir = work.resolve("database");
			return CommandContexts.start(benchLocations, false);
		}, line -> {
			err.println("tally: bench: " + line);
			err.flush();
		});
		BenchmarkReport report = benchmark.run();
		if (night) {
			BenchmarkReport.Measure measure = benchmark.night(
					locations.configDir == null ? java.nio.file.Path.of("config") : locations.configDir,
					(config, inbox) -> {
						LocationOptions nightLocations = new LocationOptions(locations.application);
						nightLocations.configDir = config;
						nightLocations.inbox = inbox;
						nightLocations.dataDir = work.resolve("database");
						return CommandContexts.start(nightLocations, false);
					});
			report = report.withNight(measure);
		}
		PrintWriter out = spec.commandLine().getOut();
		if (format == OutputFormat.JSON) {
			out.println(
					JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report));
		}
		else {
			print(report, out);
		}
		out.flush();
		return 0;
	}

	private static void print(BenchmarkReport report, PrintWriter out) {
		out.printf("%,d rows, XLSX %.1f MB, %d repetitions (median), max heap %d MB, %s%n", report.rows(),
				report.xlsxBytes() / 1e6, report.repetitions(), report.maxHeapBytes() >> 20, report.machine());
		TextTable table = new TextTable("measure", "median s", "rows/s", "runs (s)");
		for (BenchmarkReport.Measure measure : report.measures()) {
			table.row(measure.name(), String.format("%.2f", measure.medianSeconds()),
					String.format("%,.0f", measure.rowsPerSecond()),
					measure.seconds().stream().map(s -> String.format("%.2f", s)).toList());
		}
		if (report.night() != null) {
			BenchmarkReport.Measure night = report.night();
			table.row(night.name(), String.format("%.2f", night.medianSeconds()),
					String.format("%,.0f", night.rowsPerSecond()),
					night.seconds().stream().map(s -> String.format("%.2f", s)).toList());
		}
		out.print(table);
		Map<String, String> summary = new LinkedHashMap<>();
		summary.put("Tally XLSX / parse-only", String.format("%.2f", report.xlsxToParseRatio()));
		summary.put("Tally CSV / COPY-only", String.format("%.2f", report.csvToCopyRatio()));
		summary.put("peak heap, Tally XLSX", (report.peakHeapBytesTallyXlsx() >> 20) + " MB");
		summary.put("peak heap, Tally CSV", (report.peakHeapBytesTallyCsv() >> 20) + " MB");
		summary.put("peak RSS of the process", (report.peakRssBytes() >> 20) + " MB");
		summary.forEach((k, v) -> out.printf("%-26s %s%n", k + ":", v));
	}

}
