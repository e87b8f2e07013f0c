package org.tally.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.bench.internal.LedgerFiles;
import org.tally.bench.internal.NightFiles;
import org.tally.bench.internal.References;
import org.tally.bench.internal.Resources;
import org.tally.pipeline.ConsolidationRuns;
import org.tally.pipeline.RunReport;

/**
 * Measures Tally's ingest against the best standalone tools in one run: the same project ledger
 * parsed by the fastest XLSX reader, loaded by plain COPY, and consolidated end to end by Tally
 * from XLSX and from CSV, each several times, the median reported.
 */
public final class Benchmark {

	private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

	private final Path workDir;
	private final int rows;
	private final int repetitions;
	/** Starts the application on the given inbox; the benchmark's own data directory is fixed by the caller. */
	private final Function<Path, ConfigurableApplicationContext> application;

	public Benchmark(Path workDir, int rows, int repetitions, Function<Path, ConfigurableApplicationContext> application) {
		this.workDir = workDir;
		this.rows = rows;
		this.repetitions = repetitions;
		this.application = application;
	}

	public BenchmarkReport run() throws Exception {
		log.info("bench: preparing a {}-row ledger under {}", rows, workDir);
		LedgerFiles files = LedgerFiles.forRows(workDir, rows);
		List<BenchmarkReport.Measure> measures = new ArrayList<>();

		measures.add(measure("parse-only (fastexcel-reader, XLSX)", () -> References.fastexcelRows(files.xlsx())));

		long[] peaks = new long[2];
		try (ConfigurableApplicationContext context = application.apply(files.xlsx().getParent().getParent())) {
			DataSource dataSource = context.getBean(DataSource.class);
			measures.add(measure("COPY-only (PostgreSQL, CSV)", () -> References.copyRows(dataSource, files.plainCsv())));
			try (Resources.HeapSampler heap = new Resources.HeapSampler()) {
				measures.add(measure("Tally end to end (XLSX)", () -> freshWarehouse(context), () -> consolidate(context)));
				peaks[0] = heap.peakBytes();
			}
		}
		try (ConfigurableApplicationContext context = application.apply(files.departmentCsv().getParent().getParent())) {
			try (Resources.HeapSampler heap = new Resources.HeapSampler()) {
				measures.add(measure("Tally end to end (CSV)", () -> freshWarehouse(context), () -> consolidate(context)));
				peaks[1] = heap.peakBytes();
			}
		}
		return new BenchmarkReport(rows, repetitions, Files.size(files.xlsx()), Resources.maxHeapBytes(), measures,
				measures.get(2).rowsPerSecond() / measures.get(0).rowsPerSecond(),
				measures.get(3).rowsPerSecond() / measures.get(1).rowsPerSecond(), peaks[0], peaks[1],
				Resources.peakRssBytes(), machine(), null);
	}

	/**
	 * A realistic night: twenty departments' sheets of 2,000 to 20,000 rows, two periods,
	 * consolidated, reconciled and published, from a fresh warehouse.
	 */
	public BenchmarkReport.Measure night(Path projectConfig,
			java.util.function.BiFunction<Path, Path, ConfigurableApplicationContext> application) throws Exception {
		NightFiles night = NightFiles.prepare(workDir, projectConfig);
		log.info("bench: a night of {} files, {} rows", night.files(), night.rows());
		try (ConfigurableApplicationContext context = application.apply(night.config(), night.inbox())) {
			List<Double> seconds = new ArrayList<>();
			for (int i = 0; i < repetitions; i++) {
				freshWarehouse(context.getBean(JdbcClient.class));
				long start = System.nanoTime();
				RunReport report = context.getBean(ConsolidationRuns.class).run(null, "bench-night:" + Instant.now());
				double elapsed = (System.nanoTime() - start) / 1e9;
				long loaded = report.files().stream().mapToLong(f -> f.rowsLoaded() == null ? 0 : f.rowsLoaded()).sum();
				if (!report.completed() || loaded != night.rows()) {
					throw new IllegalStateException("the night run loaded " + loaded + " of " + night.rows() + " rows: "
							+ report.status() + " " + report.failure());
				}
				seconds.add(elapsed);
				log.info("bench: night #{}: {} s", i + 1, String.format("%.2f", elapsed));
			}
			List<Double> sorted = seconds.stream().sorted().toList();
			double median = sorted.get(sorted.size() / 2);
			return new BenchmarkReport.Measure("realistic night (" + night.files() + " files, 2 periods)", median,
					night.rows() / median, List.copyOf(seconds));
		}
	}

	/** One whole nightly run (on the fresh warehouse the untimed preparation left); answers the rows it loaded. */
	private long consolidate(ConfigurableApplicationContext context) throws Exception {
		RunReport report = context.getBean(ConsolidationRuns.class).run(null, "bench:" + Instant.now());
		if (!report.completed()) {
			throw new IllegalStateException("the benchmark run failed: " + report.failure());
		}
		long loaded = report.files().stream().mapToLong(f -> f.rowsLoaded() == null ? 0 : f.rowsLoaded()).sum();
		if (loaded != rows) {
			throw new IllegalStateException("the benchmark run loaded " + loaded + " rows instead of " + rows + ": "
					+ report.files());
		}
		return loaded;
	}

	private static void freshWarehouse(JdbcClient jdbc) {
		List<String> tables = jdbc.sql("""
				SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
				WHERE schemaname IN ('registry', 'staging', 'warehouse', 'recon', 'publish')""")
			.query(String.class)
			.list();
		if (!tables.isEmpty()) {
			jdbc.sql("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE").update();
		}
		jdbc.sql("CHECKPOINT").update();
	}

	private BenchmarkReport.Measure measure(String name, Step step) throws Exception {
		return measure(name, () -> {
		}, step);
	}

	/**
	 * {@code before} runs ahead of each repetition, untimed: emptying the warehouse (TRUNCATE and a
	 * CHECKPOINT that writes out the previous repetition's million rows) is the benchmark's own
	 * housekeeping, not part of a night's consolidation.
	 */
	private BenchmarkReport.Measure measure(String name, Preparation before, Step step) throws Exception {
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < repetitions; i++) {
			before.run();
			long start = System.nanoTime();
			long counted = step.rows();
			double elapsed = (System.nanoTime() - start) / 1e9;
			if (counted != rows) {
				throw new IllegalStateException(name + " counted " + counted + " rows instead of " + rows);
			}
			seconds.add(elapsed);
			log.info("bench: {} #{}: {} s", name, i + 1, String.format("%.2f", elapsed));
		}
		List<Double> sorted = seconds.stream().sorted(Comparator.naturalOrder()).toList();
		double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
				: (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
		return new BenchmarkReport.Measure(name, median, rows / median, List.copyOf(seconds));
	}

	private static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
	}

	@FunctionalInterface
	private interface Step {
		long rows() throws Exception;
	}

	@FunctionalInterface
	private interface Preparation {
		void run() throws Exception;
	}

	private static void freshWarehouse(ConfigurableApplicationContext context) {
		freshWarehouse(context.getBean(JdbcClient.class));
	}
}
