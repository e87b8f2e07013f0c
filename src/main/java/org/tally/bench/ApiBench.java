package org.tally.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.bench.internal.LedgerFiles;
import org.tally.bench.internal.LoadDriver;
import org.tally.bench.internal.SessionLogin;
import org.tally.pipeline.RunHandle;
import org.tally.pipeline.RunLauncher;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import org.tally.pipeline.RunRequest;
import org.tally.seeds.SeedGenerator;

/**
 * The press side under load: the server started in this process on a loopback port over
 * the seeds, its figures API (API token), press page (session cookie) and claim check
 * driven by concurrent clients, each endpoint alone while the server is idle, then all
 * three together while a night run loads a generated ledger of {@code rows} rows.
 */
public final class ApiBench {

	/**
	 * A short press paragraph: what an editor pastes, not the 20,000-character stress
	 * draft.
	 */
	static final String CLAIM_TEXT = "京长对口合作以来，北京企业签约社会资金600余亿元，完成投资约110亿元，已落地开工90个项目。";

	/** A bound on the requests of one phase, beside its time. */
	private static final long MAX_REQUESTS = 5_000_000;

	/** How the bench signs in: a PRESS user's password (for the page) and API token. */
	public record Credentials(String user, String password, String token) {
	}

	private final Path workDir;

	private final int rows;

	private final int clients;

	private final Duration window;

	private final Function<Path, ConfigurableApplicationContext> server;

	private final Function<ConfigurableApplicationContext, Credentials> credentials;

	private final Consumer<String> progress;

	/**
	 * {@code server} starts the web application on a loopback port over an inbox;
	 * {@code credentials} gives a PRESS user in it.
	 */
	public ApiBench(Path workDir, int rows, int clients, Duration window,
			Function<Path, ConfigurableApplicationContext> server,
			Function<ConfigurableApplicationContext, Credentials> credentials, Consumer<String> progress) {
		this.workDir = workDir;
		this.rows = rows;
		this.clients = clients;
		this.window = window;
		this.server = server;
		this.credentials = credentials;
		this.progress = progress;
	}

	public ApiBenchReport run() throws Exception {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		Path night = LedgerFiles.forRows(workDir, rows).xlsx();
		Path inbox = workDir.resolve("api/inbox");
		deleteTree(inbox);
		Files.createDirectories(inbox);
		// one client for all, its asynchronous work on as many threads as there are cores
		// rather than on a pool that grows with the clients
		ExecutorService httpThreads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
				task -> new Thread(task, "bench-http"));
		try (ConfigurableApplicationContext context = server.apply(inbox)) {
			// once the application's logging is set up: POI logs as it writes, and before
			// that Logback's default would write to standard output, the JSON report's
			new SeedGenerator(SeedGenerator.DEFAULT_SEED).generate(inbox);
			Benchmark.freshWarehouse(context.getBean(JdbcClient.class));
			RunLauncher runs = context.getBean(RunLauncher.class);
			requireCompleted(launch(runs, "seeds", RunLauncher.IN_THIS_THREAD).await());
			URI base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
			Credentials press = credentials.apply(context);
			List<LoadDriver.Endpoint> endpoints = endpoints(base, press);
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(httpThreads)
				.build();
			LoadDriver driver = new LoadDriver(http, MAX_REQUESTS);
			// warm-up: the first requests compile templates and fill caches
			driver.drive(endpoints, endpoints.size(), Duration.ofSeconds(1), () -> false);
			List<ApiBenchReport.Measure> idle = new ArrayList<>();
			List<ApiBenchReport.Cost> costs = new ArrayList<>();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			for (LoadDriver.Endpoint endpoint : endpoints) {
				progress
					.accept("idle: " + endpoint.name() + " for " + window.toSeconds() + " s, " + clients + " clients");
				// each endpoint's path is compiled under its load before it is measured:
				// what a request costs a server that has been serving for a while
				driver.drive(List.of(endpoint), clients, warmUp(window), () -> false);
				long cpu = processCpuNanos();
				long transactions = transactions(jdbc);
				List<ApiBenchReport.Measure> measured = driver.drive(List.of(endpoint), clients, window, () -> false);
				long requests = measured.stream().mapToLong(m -> m.requests() + m.failures()).sum();
				costs.add(new ApiBenchReport.Cost(endpoint.name(),
						(processCpuNanos() - cpu) / 1e6 / Math.max(1, requests),
						(double) (transactions(jdbc) - transactions) / Math.max(1, requests)));
				idle.addAll(measured);
			}
			Files.copy(night, inbox.resolve("finance/市财政局_京长对口合作项目台账_2024-12-31_bench.xlsx"),
					StandardCopyOption.REPLACE_EXISTING);
			progress
				.accept("during a night run of " + rows + " rows: all endpoints, at most " + window.toSeconds() + " s");
			long start = System.nanoTime();
			RunHandle run = launch(runs, "night", task -> new Thread(task, "bench-night").start());
			List<ApiBenchReport.Measure> loaded = driver.drive(endpoints, clients, window, () -> run.report().isDone());
			RunReport report = run.await();
			double nightSeconds = (System.nanoTime() - start) / 1e9;
			requireCompleted(report);
			return new ApiBenchReport(clients, window.toMillis() / 1e3, Benchmark.machine(), load, idle, loaded, rows,
					nightSeconds, report.status(), costs);
		}
		finally {
			httpThreads.shutdownNow();
		}
	}

	private static List<LoadDriver.Endpoint> endpoints(URI base, Credentials press) throws Exception {
		String cookie = SessionLogin.sessionCookie(base, press.user(), press.password());
		return List.of(
				new LoadDriver.Endpoint("GET /api/figures (API token)",
						HttpRequest.newBuilder(base.resolve("/api/figures"))
							.header("Authorization", "Bearer " + press.token())
							.build(),
						"\"status\":\"verified\""),
				new LoadDriver.Endpoint("GET /press (session cookie)",
						HttpRequest.newBuilder(base.resolve("/press")).header("Cookie", cookie).build(), "</html>"),
				new LoadDriver.Endpoint("POST /api/claims/check (API token)",
						HttpRequest.newBuilder(base.resolve("/api/claims/check"))
							.header("Authorization", "Bearer " + press.token())
							.header("Content-Type", "text/plain; charset=utf-8")
							.POST(HttpRequest.BodyPublishers.ofString(CLAIM_TEXT, StandardCharsets.UTF_8))
							.build(),
						"\"verdict\":"));
	}

	/** Half the measured window, between one and five seconds. */
	static Duration warmUp(Duration window) {
		Duration half = window.dividedBy(2);
		return half.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
				: half.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : half;
	}

	/** This JVM's CPU time so far, server and clients. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** Transactions the database has counted so far, as its connections reported them. */
	private static long transactions(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()""")
			.query(Long.class)
			.single();
	}

	private static RunHandle launch(RunLauncher runs, String what, Executor executor) throws RunRefusedException {
		return runs.launch(new RunRequest(null, "bench-api-" + what + ":" + Instant.now(), List.of(), "bench"),
				executor);
	}

	private static void requireCompleted(RunReport report) {
		if (!report.completed()) {
			throw new IllegalStateException("the benchmark's run failed: " + report.status() + " " + report.failure());
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
