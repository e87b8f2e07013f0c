package org.tally.bench.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real `tally` process (a child JVM on this JVM's class path), so that a fault can kill
 * it the way the operating system would: SIGKILL, no shutdown hook, no finally block.
 */
public final class ChildTally {

	private final Process process;

	private final Path log;

	private final long startedNanos = System.nanoTime();

	private ChildTally(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts {@code tally ARGS} with its output in {@code log}, {@code jvmOptions} given
	 * to its JVM (collector, heap, class-data archive) and {@code environment} added to
	 * this process's (e.g. TALLY_SCHEDULE_DIR).
	 */
	public static ChildTally start(Path log, List<String> jvmOptions, Map<String, String> environment,
			List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		String classPath = System.getProperty("java.class.path");
		String launcher = System.getProperty("sun.java.command", "");
		if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar") && launcher.startsWith(classPath)) {
			command.add("-jar"); // the packaged tally.jar: its own launcher finds the
									// nested libraries
			command.add(classPath);
		}
		else {
			command.add("-cp");
			command.add(classPath);
			command.add("org.tally.TallyApplication");
		}
		command.addAll(args);
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			// A child that starts the embedded server takes any free port, never the
			// operator's configured one (an installation of its own may be running
			// there).
			builder.environment().put("TALLY_DB_PORT", "0");
			builder.environment().putAll(environment);
			Process process = builder.start();
			return new ChildTally(process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start a tally process: " + command, ex);
		}
	}

	public long pid() {
		return process.pid();
	}

	public boolean alive() {
		return process.isAlive();
	}

	/** SIGKILL. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/**
	 * The exit status, or -1 when the process did not end within {@code seconds} (it is
	 * then killed).
	 */
	public int await(long seconds) throws InterruptedException {
		if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
			kill();
			return -1;
		}
		return process.exitValue();
	}

	public double secondsSinceStart() {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	public String output() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * The last line "tally: …" or "tally COMMAND: …" (the one-line reason of a failure or
	 * refusal), or "".
	 */
	public String verdict() {
		String result = "";
		for (String line : output().split("\n")) {
			if (line.startsWith("tally:") || line.matches("tally [a-z-]+: .*")) {
				result = line;
			}
		}
		return result;
	}

}
