package org.tally.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.tally.bench.internal.ChildTally;
import org.tally.database.EmbeddedPostgresServer;

/**
 * Start-up of a command, timed from outside: child processes of this jar, started as this
 * JVM was (the same java, collector, heap and class-data archive; run through the `tally`
 * launcher, also its quicker compiler for read-only commands), for `--help`, `figures`
 * with the database down and up, and `claims check` on a 20,000-character draft.
 */
public final class StartupBench {

	/**
	 * Exit statuses of a healthy child: OK, contradicted claims, nothing published yet.
	 */
	private static final Set<Integer> ANSWERED = Set.of(0, 5, 6);

	private static final long TIMEOUT_SECONDS = 300;

	private static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=";

	/** The launcher's archive for reading commands, beside the one for the others. */
	private static final String READING_ARCHIVE = "tally-reading.jsa";

	private final Path work;

	private final Path configDir;

	private final int repetitions;

	private final Consumer<String> progress;

	private int children;

	private StartupBench(Path work, Path configDir, int repetitions, Consumer<String> progress) {
		this.work = work;
		this.configDir = configDir;
		this.repetitions = repetitions;
		this.progress = progress;
	}

	/** One command's times, in seconds from the child's start to its exit. */
	public record Measure(String name, List<Double> seconds) {

		public double medianSeconds() {
			return BenchmarkReport.Measure.median(seconds);
		}

	}

	/** What `tally bench --startup` reports. */
	public record Report(int repetitions, String machine, String launch, List<Measure> measures) {
	}

	/**
	 * Times each command {@code repetitions} times on a database of its own under
	 * {@code work}; {@code configDir} null for ./config.
	 */
	public static Report measure(Path work, Path configDir, int repetitions, Consumer<String> progress)
			throws IOException, InterruptedException {
		return new StartupBench(work, configDir, repetitions, progress).run();
	}

	private Report run() throws IOException, InterruptedException {
		Path data = work.resolve("data");
		Path draft = work.resolve("draft.txt");
		Files.createDirectories(work);
		Files.writeString(draft, ClaimBench.draft(), StandardCharsets.UTF_8);
		// The first start creates and migrates the database: not what is measured.
		time("warm-up", List.of("figures", "--data-dir", data.toString()), true);
		List<Measure> measures = new ArrayList<>();
		measures.add(measure("--help", List.of("--help")));
		measures.add(measure("figures, database down", List.of("figures", "--data-dir", data.toString())));
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.attachOrStart(data)) {
			measures.add(measure("figures, database up", List.of("figures", "--data-dir", data.toString())));
			measures.add(measure("claims check 20,000 chars, database up",
					List.of("claims", "check", draft.toString(), "--data-dir", data.toString())));
		}
		return new Report(repetitions, Benchmark.machine(), String.join(" ", jvmOptions(false, false)), measures);
	}

	private Measure measure(String name, List<String> args) throws IOException, InterruptedException {
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < repetitions; i++) {
			seconds.add(time(name, args, false));
			progress.accept(String.format("%s: %.2f s", name, seconds.get(i)));
		}
		return new Measure(name, seconds);
	}

	private double time(String name, List<String> args, boolean warmUp) throws InterruptedException {
		boolean command = !args.get(0).startsWith("-");
		List<String> arguments = new ArrayList<>(args);
		if (configDir != null && command) {
			arguments.addAll(List.of("--config", configDir.toString()));
		}
		Path log = work.resolve("logs/" + (++children) + ".log");
		long started = System.nanoTime();
		ChildTally child = ChildTally.start(log, jvmOptions(command, warmUp), Map.of(), arguments);
		int exit = child.await(TIMEOUT_SECONDS);
		double seconds = (System.nanoTime() - started) / 1e9;
		if (exit == -1) {
			throw new IllegalStateException(name + " did not end within " + TIMEOUT_SECONDS + " s (" + log + ")");
		}
		if (!ANSWERED.contains(exit)) {
			throw new IllegalStateException(name + " exited " + exit + ": " + child.output().strip());
		}
		return seconds;
	}

	/**
	 * This JVM's collector, heap and class-data archive; with an archive (the launcher's
	 * way) and a command that only reads, the launcher's quicker compiler and its archive
	 * of the reading commands' classes too, which the warm-up records when there is none
	 * yet, as the launcher's first reading command would.
	 */
	private static List<String> jvmOptions(boolean reading, boolean warmUp) {
		List<String> ours = ManagementFactory.getRuntimeMXBean().getInputArguments();
		List<String> options = new ArrayList<>(
				ours.stream().filter(o -> o.startsWith("-Xmx") || o.matches("-XX:\\+Use\\w+GC")).toList());
		Path archive = ours.stream()
			.filter(o -> o.startsWith(SHARED_ARCHIVE))
			.map(o -> Path.of(o.substring(SHARED_ARCHIVE.length())))
			.findFirst()
			.orElse(null);
		if (archive == null) {
			return options;
		}
		if (!reading) {
			options.add(SHARED_ARCHIVE + archive);
			return options;
		}
		options.add("-XX:TieredStopAtLevel=1");
		Path readingArchive = archive.resolveSibling(READING_ARCHIVE);
		if (Files.isRegularFile(readingArchive)) {
			options.add(SHARED_ARCHIVE + readingArchive);
		}
		else if (warmUp) {
			options.add("-XX:ArchiveClassesAtExit=" + readingArchive);
			options.add("-Xlog:cds*=off");
		}
		return options;
	}

}
