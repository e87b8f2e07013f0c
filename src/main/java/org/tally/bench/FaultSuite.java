package org.tally.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.LedgerFiles;
import org.tally.bench.internal.WarehouseProbe;
import org.tally.database.EmbeddedPostgresServer;

/**
 * The slow fault scenarios, with real processes: a `tally run` killed with SIGKILL
 * mid-load and mid-promotion, PostgreSQL stopped under a run, three processes asking for
 * a run at once, two `tally serve` schedulers competing for one clustered trigger. Each
 * installation is compared with a clean run of the same inbox, row for row and figure for
 * figure, and audited with `tally verify-integrity`.
 */
public final class FaultSuite {

	static final LocalDate DECEMBER = LocalDate.of(2024, 12, 31);
	static final String BIG_LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31_全量.xlsx";
	static final List<String> BEFORE = List.of("finance/市财政局_京长对口合作项目台账_2024-06-30.xlsx",
			"education/市教育局_教育对口合作统计表_2024上半年.xls", "health/市卫健委_卫生健康对口合作_20240630.csv",
			"science/市科技局_科技成果转化_2024-06-30.xlsx", "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx");

	private final Path workDir;

	private final Path seeds;

	private final Path configDir;

	private final int rows;

	private final Consumer<String> progress;

	private Map<String, String> clean;

	/**
	 * @param workDir where each scenario gets its own inbox and data directory (emptied
	 * first)
	 * @param seeds the seed inbox (seeds/inbox): the June files and December's small
	 * ledger are the "before"
	 * @param configDir the configuration the child processes use, or null for ./config
	 * @param rows rows of the large December ledger that the faulted run loads
	 */
	public FaultSuite(Path workDir, Path seeds, Path configDir, int rows, Consumer<String> progress) {
		this.workDir = workDir.toAbsolutePath();
		this.seeds = seeds.toAbsolutePath();
		this.configDir = configDir == null ? null : configDir.toAbsolutePath();
		this.rows = rows;
		this.progress = progress;
	}

	public List<FaultScenario> run() throws Exception {
		List<FaultScenario> results = new ArrayList<>();
		results.add(cleanRun());
		results.add(killedMidLoad());
		results.add(killedMidPromotion());
		results.add(databaseStoppedMidLoad());
		results.add(threeAtOnce());
		results.add(twoSchedulers());
		return results;
	}

	/** The reference: the same two runs, undisturbed. */
	FaultScenario cleanRun() throws Exception {
		long start = System.nanoTime();
		Installation it = prepare("clean");
		List<String> differences = new ArrayList<>();
		it.runToEnd("before", differences, "run");
		it.addBigLedger();
		it.runToEnd("after", differences, "run");
		long compared;
		try (WarehouseProbe probe = it.probe()) {
			clean = probe.digest();
			compared = probe.currentRows();
		}
		it.verify(differences);
		it.stopServer();
		return new FaultScenario("clean run", "nothing: the reference installation",
				"the inbox loads and verify-integrity finds no difference", BEFORE.size() + 1, compared, differences,
				List.of("digest: " + clean), seconds(start));
	}

	/**
	 * Rows the running ingest step has written while the large ledger is still pending:
	 * its counts commit with every chunk, its rows only once the file is whole.
	 */
	private static final String ROWS_WRITTEN_WHILE_PENDING = "SELECT coalesce(max(s.write_count), 0)"
			+ " FROM batch_step_execution s WHERE s.step_name = 'ingestSourceFilesStep' AND s.status = 'STARTED'"
			+ " AND EXISTS (SELECT 1 FROM registry.load l WHERE l.file_path = ? AND l.status = 'pending')";

	/**
	 * A run of the large ledger, caught once it has written 20,000 rows: its process, run
	 * id and rows written.
	 */
	private record MidLoad(ChildTally child, long run, long written) {
	}

	/**
	 * The "before" run to its end, then a run of the large ledger, awaited until it is
	 * well into the file.
	 */
	private MidLoad midLoad(Installation it, String label, List<String> differences) throws Exception {
		it.runToEnd("before", differences, "run");
		it.addBigLedger();
		ChildTally child = it.start(label, "run");
		try (WarehouseProbe probe = it.probe()) {
			long written = awaitCount(probe, child, ROWS_WRITTEN_WHILE_PENDING, 20_000, BIG_LEDGER);
			return new MidLoad(child, probe.latestRun(), written);
		}
	}

	FaultScenario killedMidLoad() throws Exception {
		long start = System.nanoTime();
		Installation it = prepare("kill-mid-load");
		List<String> differences = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		MidLoad load = midLoad(it, "killed", differences);
		load.child().kill();
		notes.add("SIGKILL after %.1f s with %d rows of the large ledger written (not yet committed)"
			.formatted(load.child().secondsSinceStart(), load.written()));
		it.restart(load.run(), differences, notes);
		long compared = it.compareWithClean(differences);
		it.verify(differences);
		it.stopServer();
		return new FaultScenario("kill -9 mid-load", "SIGKILL of `tally run` while it stages a " + rows + "-row ledger",
				"after `tally restart RUN` the warehouse equals the clean run's (rows, registry, figures); no duplicates",
				BEFORE.size() + 1, compared, differences, notes, seconds(start));
	}

	FaultScenario killedMidPromotion() throws Exception {
		long start = System.nanoTime();
		Installation it = prepare("kill-mid-promotion");
		List<String> differences = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		it.runToEnd("before", differences, "run");
		it.addBigLedger();
		Reader reader = new Reader(it);
		reader.start();
		ChildTally child = it.start("killed", "run");
		long run;
		try (WarehouseProbe probe = it.probe()) {
			// Promotion moves no rows: its longest statement is the ANALYZE that ends its
			// transaction.
			awaitStatement(probe, child, "ANALYZE warehouse.");
			child.kill();
			notes.add("SIGKILL after %.1f s while the promotion transaction ran (its closing ANALYZE)"
				.formatted(child.secondsSinceStart()));
			run = probe.latestRun();
		}
		it.restart(run, differences, notes);
		reader.finish();
		notes.add("a concurrent reader looked " + reader.looks.get() + " times: " + reader.summary());
		differences.addAll(reader.mixed);
		long compared = it.compareWithClean(differences);
		it.verify(differences);
		it.stopServer();
		return new FaultScenario("kill -9 mid-promotion",
				"SIGKILL of `tally run` during the promotion transaction, a reader polling the period meanwhile",
				"no reader ever sees a half-promoted period (all old or all new rows); after restart the warehouse"
						+ " equals the clean run's",
				BEFORE.size() + 1, compared + reader.looks.get(), differences, notes, seconds(start));
	}

	FaultScenario databaseStoppedMidLoad() throws Exception {
		long start = System.nanoTime();
		Installation it = prepare("postgres-stopped");
		List<String> differences = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		MidLoad load = midLoad(it, "stopped", differences);
		ChildTally child = load.child();
		long run = load.run();
		Instant stopped = Instant.now();
		WarehouseProbe.stopImmediately(it.data);
		it.releaseServer();
		int exit = child.await(180);
		double took = Duration.between(stopped, Instant.now()).toMillis() / 1000.0;
		notes.add("PostgreSQL stopped (immediate) under run %d; the run process exited %d after %.1f s: %s"
			.formatted(run, exit, took, child.verdict()));
		if (exit != 4) {
			differences.add("the run process exited " + exit + " (expected 4, run not completed)");
		}
		if (took > 60) {
			differences.add("the run took %.1f s to fail (limit 60 s)".formatted(took));
		}
		if (child.verdict().isEmpty() || child.verdict().contains("\n")) {
			differences.add("no one-line reason (tally: …) on the failed run's output");
		}
		it.restart(run, differences, notes); // a new process: it starts the server again,
												// and stops it at exit
		it.ensureServer();
		long compared = it.compareWithClean(differences);
		it.verify(differences);
		it.stopServer();
		return new FaultScenario("PostgreSQL stopped mid-load",
				"pg_ctl stop -m immediate (SIGQUIT to the postmaster) while `tally run` stages rows",
				"the run fails within 60 s with a one-line reason; once the server is back `tally restart RUN`"
						+ " completes and the warehouse equals the clean run's",
				BEFORE.size() + 1, compared, differences, notes, seconds(start));
	}

	/**
	 * Two `tally serve` processes, each with its Quartz scheduler on the one clustered
	 * job store, and a schedule that fires every ten seconds: every fire must be taken by
	 * exactly one of them.
	 */
	FaultScenario twoSchedulers() throws Exception {
		long start = System.nanoTime();
		Installation it = prepare("two-schedulers");
		List<String> differences = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		it.runToEnd("before", differences, "run");
		it.addBigLedger();
		Path jobs = Files.createDirectories(it.dir.resolve("jobs"));
		Files.writeString(jobs.resolve("every-ten-seconds.yml"), """
				# Fires every ten seconds, so that the two nodes have several fires to compete for.
				cron: "0/10 * * * * ?"
				timeZone: UTC
				job: nightlyConsolidationJob
				sources: all
				misfire: fire-once-now
				""");
		Map<String, String> schedules = Map.of("TALLY_SCHEDULE_DIR", jobs.toString());
		List<ChildTally> nodes = List.of(it.start("node-a", schedules, "serve", "--port", String.valueOf(freePort())),
				it.start("node-b", schedules, "serve", "--port", String.valueOf(freePort())));
		Pattern fired = Pattern.compile("schedule=every-ten-seconds fired for \\S+ \\(scheduled ([^,)]+)");
		Map<String, List<String>> fires = new java.util.TreeMap<>();
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		try (WarehouseProbe probe = it.probe()) {
			while (System.nanoTime() < deadline && nodes.stream().allMatch(ChildTally::alive)) {
				fires.clear();
				for (int n = 0; n < nodes.size(); n++) {
					Matcher m = fired.matcher(nodes.get(n).output());
					while (m.find()) {
						fires.computeIfAbsent(m.group(1), t -> new ArrayList<>()).add(n == 0 ? "node-a" : "node-b");
					}
				}
				boolean settled = probe
					.count("SELECT count(*) FROM batch_job_execution WHERE status IN ('STARTING', 'STARTED')") == 0
						&& probe.count("SELECT count(*) FROM registry.load WHERE file_path = ? AND status = 'loaded'",
								BIG_LEDGER) == 1;
				if (fires.size() >= 4 && settled) {
					break;
				}
				Thread.sleep(500);
			}
		}
		for (ChildTally node : nodes) {
			if (!node.alive()) {
				differences.add("a node ended early: " + node.verdict());
			}
			node.kill();
		}
		fires.forEach((time, takenBy) -> {
			if (takenBy.size() != 1) {
				differences.add("the fire scheduled " + time + " was taken by " + takenBy);
			}
		});
		if (fires.size() < 4) {
			differences.add("only " + fires.size() + " fires were seen in four minutes");
		}
		notes.add(fires.size() + " fires, each by one node: "
				+ fires.values()
					.stream()
					.map(t -> t.get(0))
					.collect(java.util.stream.Collectors.groupingBy(n -> n, java.util.TreeMap::new,
							java.util.stream.Collectors.counting())));
		long compared = it.compareWithClean(differences) + fires.size();
		it.verify(differences);
		it.stopServer();
		return new FaultScenario("two schedulers, one clustered trigger",
				"two `tally serve` processes (two nodes' Quartz schedulers on one job store) and a schedule firing every 10 s",
				"every fire is taken by exactly one node; the first loads the inbox, later ones find the night done;"
						+ " the warehouse equals the clean run's",
				BEFORE.size() + 1, compared, differences, notes, seconds(start));
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	FaultScenario threeAtOnce() throws Exception {
		long start = System.nanoTime();
		Installation it = prepare("three-at-once");
		List<String> differences = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		it.runToEnd("before", differences, "run");
		it.addBigLedger();
		List<ChildTally> children = List.of(it.start("node-a", "run"), it.start("node-b", "run"),
				it.start("operator", "rerun", "--as-of", DECEMBER.toString()));
		int proceeded = 0;
		int refused = 0;
		for (ChildTally child : children) {
			int exit = child.await(600);
			notes.add("process exit " + exit + (child.verdict().isEmpty() ? "" : ": " + child.verdict()));
			if (exit == 0) {
				proceeded++;
			}
			else if (exit == 3 && child.verdict().contains("refused")) {
				refused++;
			}
		}
		if (proceeded != 1 || refused != 2) {
			differences.add(proceeded + " runs proceeded and " + refused + " were refused (expected 1 and 2)");
		}
		long compared;
		try (WarehouseProbe probe = it.probe()) {
			compared = probe.currentRows();
			long loads = probe.count("SELECT count(*) FROM registry.load WHERE file_path = ? AND status = 'loaded'",
					BIG_LEDGER);
			if (loads != 1) {
				differences.add("the large ledger was loaded " + loads + " times");
			}
			Map<String, String> digest = probe.digest();
			clean.forEach((key, value) -> {
				if (key.startsWith("warehouse.") && !value.equals(digest.get(key))) {
					differences.add(key + ": clean run " + value + ", here " + digest.get(key));
				}
			});
		}
		it.verify(differences);
		it.stopServer();
		return new FaultScenario("two nodes and an operator at once",
				"two `tally run` processes (the nightly fire on two nodes) and a `tally rerun` started together",
				"exactly one run proceeds, the others are refused with a one-line reason; the warehouse equals the clean run's",
				BEFORE.size() + 1, compared, differences, notes, seconds(start));
	}

	private long awaitCount(WarehouseProbe probe, ChildTally child, String sql, long atLeast, Object... params)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline && child.alive()) {
			try {
				long n = probe.count(sql, params);
				if (n >= atLeast) {
					return n;
				}
			}
			catch (SQLException ex) {
				// the tables may not exist yet in a fresh installation
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException(
				"the run never reached " + atLeast + " rows for: " + sql + "\n" + child.output());
	}

	private void awaitStatement(WarehouseProbe probe, ChildTally child, String prefix) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline && child.alive()) {
			if (probe.running(prefix)) {
				return;
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("the run never ran " + prefix + "\n" + child.output());
	}

	private static double seconds(long startNanos) {
		return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
	}

	private Installation prepare(String name) throws IOException, SQLException, InterruptedException {
		progress.accept("scenario " + name);
		Path dir = workDir.resolve(name);
		if (Files.exists(dir)) {
			try (Stream<Path> walk = Files.walk(dir)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
		Installation it = new Installation(dir, dir.resolve("inbox"), dir.resolve("data"));
		for (String file : BEFORE) {
			Path target = it.inbox.resolve(file);
			Files.createDirectories(target.getParent());
			Files.copy(seeds.resolve(file), target);
			// Oldest first, in this order: the large ledger, copied later, is the
			// correction that wins.
			Files.setLastModifiedTime(target, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
		}
		it.ensureServer();
		return it;
	}

	/**
	 * One installation under test: an inbox, a data directory, and the processes run on
	 * them.
	 */
	private final class Installation {

		final Path dir;

		final Path inbox;

		final Path data;

		int processes;

		Installation(Path dir, Path inbox, Path data) {
			this.dir = dir;
			this.inbox = inbox;
			this.data = data;
		}

		ChildTally start(String label, String... args) {
			return start(label, Map.of(), args);
		}

		ChildTally start(String label, Map<String, String> environment, String... args) {
			List<String> command = new ArrayList<>(List.of(args));
			command.addAll(List.of("--inbox", inbox.toString(), "--data-dir", data.toString()));
			if (configDir != null) {
				command.addAll(List.of("--config", configDir.toString()));
			}
			return ChildTally.start(dir.resolve("logs/" + (++processes) + "-" + label + ".log"), null, environment,
					command);
		}

		/**
		 * The embedded server, held by the suite as a long-running `tally serve` would
		 * hold it: a Tally process stops a server it started itself when it exits, so
		 * each one attaches to this.
		 */
		EmbeddedPostgresServer server;

		/**
		 * Starts the installation's server unless one runs on its data directory, locked
		 * as Tally locks it.
		 */
		void ensureServer() throws IOException, SQLException {
			if (WarehouseProbe.port(data).isPresent()) {
				return;
			}
			releaseServer();
			server = EmbeddedPostgresServer.attachOrStart(data);
		}

		/**
		 * Lets go of a server stopped under the scenario, and of the directory lock the
		 * library holds for it.
		 */
		void releaseServer() {
			if (server != null) {
				try {
					server.close();
				}
				catch (RuntimeException ex) {
					// already stopped by the fault: only the lock was left to release
				}
				server = null;
			}
		}

		void runToEnd(String label, List<String> differences, String... args) throws InterruptedException {
			ChildTally child = start(label, args);
			int exit = child.await(600);
			if (exit != 0) {
				differences.add("`tally " + String.join(" ", args) + "` (" + label + ") exited " + exit + ": "
						+ child.verdict());
			}
		}

		void addBigLedger() throws IOException {
			Path big = LedgerFiles.forRows(workDir.resolve("ledgers"), rows).xlsx();
			Path target = inbox.resolve(BIG_LEDGER);
			Files.copy(big, target, StandardCopyOption.REPLACE_EXISTING);
			Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
		}

		WarehouseProbe probe() throws InterruptedException {
			return WarehouseProbe.connect(data, Duration.ofMinutes(2));
		}

		/**
		 * `tally restart RUN`, again while the dead process's session still holds the run
		 * lock (it ends soon).
		 */
		void restart(long run, List<String> differences, List<String> notes) throws InterruptedException {
			for (int attempt = 1; attempt <= 10; attempt++) {
				ChildTally child = start("restart", "restart", Long.toString(run));
				int exit = child.await(600);
				if (exit == 0) {
					notes.add("`tally restart " + run + "` completed (attempt " + attempt + ")");
					return;
				}
				if (exit != 3) {
					differences.add("`tally restart " + run + "` exited " + exit + ": " + child.verdict());
					return;
				}
				notes.add("`tally restart " + run + "` refused: " + child.verdict());
				Thread.sleep(2000);
			}
			differences.add("`tally restart " + run + "` was refused ten times");
		}

		long compareWithClean(List<String> differences) throws Exception {
			try (WarehouseProbe probe = probe()) {
				Map<String, String> digest = probe.digest();
				clean.forEach((key, value) -> {
					if (!value.equals(digest.get(key))) {
						differences.add(key + ": clean run " + value + ", here " + digest.get(key));
					}
				});
				return probe.currentRows();
			}
		}

		void verify(List<String> differences) throws InterruptedException {
			ChildTally child = start("verify", "verify-integrity");
			int exit = child.await(600);
			if (exit != 0) {
				differences.add("verify-integrity exited " + exit + ":\n" + child.output());
			}
		}

		void stopServer() throws IOException, InterruptedException {
			releaseServer();
			WarehouseProbe.stop(data);
		}

	}

	/** A reader polling the December project rows during a promotion and what it saw. */
	private static final class Reader extends Thread {

		final Installation it;

		final AtomicBoolean done = new AtomicBoolean();

		final AtomicLong looks = new AtomicLong();

		final List<String> mixed = java.util.Collections.synchronizedList(new ArrayList<>());

		final List<Long> loadsSeen = java.util.Collections.synchronizedList(new ArrayList<>());

		Reader(Installation it) {
			super("fault-suite-reader");
			this.it = it;
			setDaemon(true);
		}

		@Override
		public void run() {
			try (WarehouseProbe probe = it.probe()) {
				while (!done.get()) {
					try {
						WarehouseProbe.Sight sight = probe.sight(DECEMBER);
						looks.incrementAndGet();
						if (!sight.whole() && mixed.size() < 5) {
							mixed.add("a reader saw a half-promoted period: " + sight.seen());
						}
						if (loadsSeen.isEmpty() || loadsSeen.get(loadsSeen.size() - 1) != sight.load()) {
							loadsSeen.add(sight.load());
						}
					}
					catch (SQLException ex) {
						// the server is the one the killed process started; it keeps
						// running
					}
					Thread.sleep(5);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void finish() throws InterruptedException {
			done.set(true);
			join();
		}

		String summary() {
			return "current December load went " + loadsSeen + ", " + mixed.size() + " half-promoted sights";
		}

	}

}
