package org.tally.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.WarehouseProbe;
import org.tally.database.EmbeddedPostgresServer;

/**
 * One installation under test: an inbox, a data directory, and the processes run on them.
 */
final class Installation {

	private final FaultHarness harness;

	private final Path dir;

	private final Path inbox;

	private final Path data;

	private int processes;

	/**
	 * The embedded server, held by the suite as a long-running `tally serve` would hold
	 * it: a Tally process stops a server it started itself when it exits, so each one
	 * attaches to this.
	 */
	private EmbeddedPostgresServer server;

	Installation(FaultHarness harness, Path dir) {
		this.harness = harness;
		this.dir = dir;
		this.inbox = dir.resolve("inbox");
		this.data = dir.resolve("data");
	}

	Path dir() {
		return dir;
	}

	Path inbox() {
		return inbox;
	}

	Path data() {
		return data;
	}

	ChildTally start(String label, String... args) {
		return start(label, Map.of(), args);
	}

	ChildTally start(String label, Map<String, String> environment, String... args) {
		List<String> command = new ArrayList<>(List.of(args));
		command.addAll(List.of("--inbox", inbox.toString(), "--data-dir", data.toString()));
		if (harness.configDir() != null) {
			command.addAll(List.of("--config", harness.configDir().toString()));
		}
		return ChildTally.start(dir.resolve("logs/" + (++processes) + "-" + label + ".log"), List.of(), environment,
				command);
	}

	/**
	 * Starts the installation's server unless one runs on its data directory, locked as
	 * Tally locks it.
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

	/**
	 * Writes a schedule of the nightly job, firing on {@code cron} (UTC), under the
	 * installation's jobs directory: the environment a `tally serve` node reads it with.
	 */
	Map<String, String> schedule(String name, String why, String cron) throws IOException {
		Path jobs = Files.createDirectories(dir.resolve("jobs"));
		Files.writeString(jobs.resolve(name + ".yml"), """
				# %s
				cron: "%s"
				timeZone: UTC
				job: nightlyConsolidationJob
				sources: all
				misfire: fire-once-now
				""".formatted(why, cron));
		return Map.of("TALLY_SCHEDULE_DIR", jobs.toString());
	}

	void runToEnd(String label, List<String> differences, String... args) throws InterruptedException {
		ChildTally child = start(label, args);
		int exit = child.await(600);
		if (exit != 0) {
			differences
				.add("`tally " + String.join(" ", args) + "` (" + label + ") exited " + exit + ": " + child.verdict());
		}
	}

	void addBigLedger() throws IOException {
		Path target = inbox.resolve(FaultHarness.BIG_LEDGER);
		Files.copy(harness.bigLedger(), target, StandardCopyOption.REPLACE_EXISTING);
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

	/**
	 * Adds every difference from the clean run's digest to {@code differences}; answers
	 * the current rows compared.
	 */
	long compareWithClean(Map<String, String> clean, List<String> differences) throws Exception {
		try (WarehouseProbe probe = probe()) {
			compare(clean, probe.digest(), key -> true, differences);
			return probe.currentRows();
		}
	}

	/** The entries of {@code clean} whose keys pass {@code keys} and differ here. */
	static void compare(Map<String, String> clean, Map<String, String> digest, Predicate<String> keys,
			List<String> differences) {
		clean.forEach((key, value) -> {
			if (keys.test(key) && !value.equals(digest.get(key))) {
				differences.add(key + ": clean run " + value + ", here " + digest.get(key));
			}
		});
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
