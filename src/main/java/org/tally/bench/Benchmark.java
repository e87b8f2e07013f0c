package org.tally.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.bench.internal.BenchLedgers;
import org.tally.bench.internal.LedgerSplit;
import org.tally.bench.internal.MemoryPeaks;
import org.tally.bench.internal.NightFiles;
import org.tally.bench.internal.References;
import org.tally.ingest.IngestProgress;
import org.tally.pipeline.RunLauncher;
import org.tally.pipeline.RunReport;
import org.tally.pipeline.RunRequest;

/**
 * Measures Tally's ingest against the best standalone tools in one run: the same project
 * ledger parsed by the fastest XLSX reader, loaded by plain COPY, and consolidated end to
 * end by Tally from XLSX and from CSV, each several times, the median reported.
 */
public final class Benchmark {

	static final String WITHOUT_PROGRESS = "Tally end to end (CSV), progress off";

	static final String TALLY_XLSX = "Tally end to end (XLSX)";

	static final String TALLY_CSV = "Tally end to end (CSV)";

	/**
	 * How often the live-heap run collects: a few times in the shortest run (100,000 rows
	 * take about a second), and each full collection of a live heap of some 40 MB stops
	 * it for a few tens of milliseconds.
	 */
	static final Duration LIVE_HEAP_EVERY = Duration.ofMillis(250);

	private final Path workDir;

	private final int rows;

	private final int repetitions;

	/**
	 * The config the XLSX ledgers' sources are added to when the rows exceed one sheet.
	 */
	private final Path projectConfig;

	private final LedgerSplit split;

	/**
	 * Starts the application as set up; the benchmark's own data directory is fixed by
	 * the caller.
	 */
	private final Function<Setup, ConfigurableApplicationContext> application;

	/**
	 * Where each repetition's time is reported as it ends. Not a logger: the first lines
	 * come before any application context has set up logging, and Logback's default
	 * writes them to standard output, which `--format json` keeps for the report alone.
	 */
	private final Consumer<String> progress;

	/**
	 * {@code sheetRows}: the rows a sheet holds, Excel's 1,048,576 but where a test
	 * splits small ledgers.
	 */
	public Benchmark(Path workDir, int rows, int repetitions, Path projectConfig, int sheetRows,
			Function<Setup, ConfigurableApplicationContext> application, Consumer<String> progress) {
		this.workDir = workDir;
		this.rows = rows;
		this.repetitions = repetitions;
		this.projectConfig = projectConfig;
		this.split = LedgerSplit.of(rows, sheetRows);
		this.application = application;
		this.progress = progress;
	}

	/** The four measures, what progress costs and the reporting summary. */
	public BenchmarkReport run() throws Exception {
		return run(true);
	}

	/**
	 * Parse-only, COPY-only and Tally's two alone: one size of a {@link ScaleReport}.
	 */
	public BenchmarkReport runMeasures() throws Exception {
		return run(false);
	}

	private BenchmarkReport run(boolean extras) throws Exception {
		progress.accept("preparing a " + rows + "-row ledger under " + workDir);
		if (split.split()) {
			progress.accept(split.message());
		}
		BenchLedgers files = BenchLedgers.prepare(workDir, split, projectConfig);
		files.notes().stream().skip(split.split() ? 1 : 0).forEach(progress);
		// Each reference is measured alternately with the Tally run it is compared with,
		// so that a ratio compares repetitions taken seconds apart: this machine kind
		// changes speed from one minute to the next, and measured one after the other
		// the two sides would meet different machines.
		List<BenchmarkReport.Measure> xlsx;
		List<BenchmarkReport.Measure> csv;
		long[] xlsxPeaks;
		long[] csvPeaks;
		List<BenchmarkReport.Measure> reporting = List.of();
		try (ConfigurableApplicationContext context = application
			.apply(new Setup(files.xlsxConfig(), files.xlsxInbox(), Map.of()));
				MemoryPeaks.HeapSampler heap = new MemoryPeaks.HeapSampler()) {
			xlsx = alternately(new Timed("parse-only (fastexcel-reader, XLSX)", () -> {
			}, () -> heap.unsampled(() -> References.fastexcelRows(files.xlsx()))),
					new Timed(TALLY_XLSX, () -> freshWarehouse(context), () -> consolidate(context)));
			xlsxPeaks = new long[] { heap.peakBytes(), liveHeap(context) };
		}
		try (ConfigurableApplicationContext context = application
			.apply(new Setup(null, files.csvInbox(), files.csvLimits()));
				MemoryPeaks.HeapSampler heap = new MemoryPeaks.HeapSampler()) {
			DataSource dataSource = context.getBean(DataSource.class);
			IngestProgress progress = context.getBean(IngestProgress.class);
			List<Timed> timed = new ArrayList<>(List.of(new Timed("COPY-only (PostgreSQL, CSV)", () -> {
			}, () -> heap.unsampled(() -> References.copyRows(dataSource, files.plainCsv()))),
					new Timed(TALLY_CSV, () -> freshWarehouse(context), () -> consolidate(context))));
			if (extras) {
				// What progress costs: the same run with the reader's counters off, in
				// turns.
				timed.add(new Timed(WITHOUT_PROGRESS, () -> freshWarehouse(context), () -> {
					progress.enabled(false);
					try {
						return consolidate(context);
					}
					finally {
						progress.enabled(true);
					}
				}));
			}
			csv = alternately(timed.toArray(Timed[]::new));
			csvPeaks = new long[] { heap.peakBytes(), liveHeap(context) };
			if (extras) {
				reporting = ReportingSummary.time(context.getBean(JdbcClient.class), rows, repetitions);
			}
		}
		// In the report's order: parse-only, COPY-only, Tally XLSX, Tally CSV.
		List<BenchmarkReport.Measure> measures = new ArrayList<>(
				List.of(xlsx.get(0), csv.get(0), xlsx.get(1), csv.get(1)));
		measures.addAll(reporting);
		BenchmarkReport report = new BenchmarkReport(rows, repetitions, files.xlsxBytes(), MemoryPeaks.maxHeapBytes(),
				measures, measures.get(2).rowsPerSecond() / measures.get(0).rowsPerSecond(),
				measures.get(3).rowsPerSecond() / measures.get(1).rowsPerSecond(), xlsxPeaks[0], csvPeaks[0],
				MemoryPeaks.peakRssBytes(), machine(), null)
			.withRowsAndHeap(files.notes(), xlsxPeaks[1], csvPeaks[1]);
		return extras ? report.withProgressCost(new BenchmarkReport.ProgressCost(csv.get(2), csv.get(1))) : report;
	}

	/**
	 * A realistic night: twenty departments' sheets of 2,000 to 20,000 rows, two periods,
	 * consolidated, reconciled and published, from a fresh warehouse.
	 */
	public BenchmarkReport.Measure night(Path projectConfig,
			BiFunction<Path, Path, ConfigurableApplicationContext> application) throws Exception {
		NightFiles night = NightFiles.prepare(workDir, projectConfig);
		progress.accept("a night of " + night.files() + " files, " + night.rows() + " rows");
		try (ConfigurableApplicationContext context = application.apply(night.config(), night.inbox())) {
			List<Double> seconds = new ArrayList<>();
			for (int i = 0; i < repetitions; i++) {
				freshWarehouse(context.getBean(JdbcClient.class));
				long start = System.nanoTime();
				RunReport report = context.getBean(RunLauncher.class)
					.launch(new RunRequest(null, "bench-night:" + Instant.now(), List.of(), "bench"),
							RunLauncher.IN_THIS_THREAD)
					.await();
				double elapsed = (System.nanoTime() - start) / 1e9;
				long loaded = report.files().stream().mapToLong(f -> f.rowsLoaded() == null ? 0 : f.rowsLoaded()).sum();
				if (!report.completed() || loaded != night.rows()) {
					throw new IllegalStateException("the night run loaded " + loaded + " of " + night.rows() + " rows: "
							+ report.status() + " " + report.failure());
				}
				seconds.add(elapsed);
				progress.accept("night #" + (i + 1) + ": " + String.format("%.2f", elapsed) + " s");
			}
			return BenchmarkReport.Measure.of("realistic night (" + night.files() + " files, 2 periods)", night.rows(),
					seconds);
		}
	}

	/**
	 * The most heap live at once through one more run, untimed, with a full collection
	 * forced every {@link #LIVE_HEAP_EVERY}.
	 */
	private long liveHeap(ConfigurableApplicationContext context) throws Exception {
		freshWarehouse(context);
		try (MemoryPeaks.LiveHeapProbe live = new MemoryPeaks.LiveHeapProbe(LIVE_HEAP_EVERY)) {
			consolidate(context);
			return live.peakBytes();
		}
	}

	/**
	 * One whole nightly run (on the fresh warehouse the untimed preparation left);
	 * answers the rows it loaded.
	 */
	private long consolidate(ConfigurableApplicationContext context) throws Exception {
		RunReport report = context.getBean(RunLauncher.class)
			.launch(new RunRequest(null, "bench:" + Instant.now(), List.of(), "bench"), RunLauncher.IN_THIS_THREAD)
			.await();
		if (!report.completed()) {
			throw new IllegalStateException("the benchmark run failed: " + report.failure());
		}
		long loaded = report.files().stream().mapToLong(f -> f.rowsLoaded() == null ? 0 : f.rowsLoaded()).sum();
		if (loaded != rows) {
			throw new IllegalStateException(
					"the benchmark run loaded " + loaded + " rows instead of " + rows + ": " + report.files());
		}
		return loaded;
	}

	static void freshWarehouse(JdbcClient jdbc) {
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

	/**
	 * Measures whose repetitions are taken in turns (reference, Tally, reference, …), in
	 * the order given.
	 */
	private List<BenchmarkReport.Measure> alternately(Timed... measures) throws Exception {
		List<List<Double>> seconds = new ArrayList<>();
		for (Timed measure : measures) {
			seconds.add(new ArrayList<>());
		}
		for (int i = 0; i < repetitions; i++) {
			for (int m = 0; m < measures.length; m++) {
				seconds.get(m).add(repetition(measures[m].name(), i, measures[m].before(), measures[m].step()));
			}
		}
		List<BenchmarkReport.Measure> summaries = new ArrayList<>();
		for (int m = 0; m < measures.length; m++) {
			summaries.add(BenchmarkReport.Measure.of(measures[m].name(), rows, seconds.get(m)));
		}
		return summaries;
	}

	/** A measure: its name, its untimed preparation and the timed step. */
	private record Timed(String name, Preparation before, Step step) {
	}

	/**
	 * {@code before} runs ahead of each repetition, untimed: emptying the warehouse
	 * (TRUNCATE and a CHECKPOINT that writes out the previous repetition's million rows)
	 * is the benchmark's own housekeeping, not part of a night's consolidation.
	 */
	private double repetition(String name, int index, Preparation before, Step step) throws Exception {
		before.run();
		long start = System.nanoTime();
		long counted = step.rows();
		double elapsed = (System.nanoTime() - start) / 1e9;
		if (counted != rows) {
			throw new IllegalStateException(name + " counted " + counted + " rows instead of " + rows);
		}
		progress.accept(name + " #" + (index + 1) + ": " + String.format("%.2f", elapsed) + " s");
		return elapsed;
	}

	static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
	}

	/**
	 * What a measure's application starts on: a config (null: the project's), an inbox,
	 * and properties over the config's.
	 */
	public record Setup(Path config, Path inbox, Map<String, Object> properties) {
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
