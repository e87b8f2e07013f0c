package org.tally.support;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An external PostgreSQL for the tests that must also pass against one: the server
 * .ci/run (or a developer) names in TALLY_IT_DB_URL, TALLY_IT_DB_USER, …, else a
 * throwaway cluster of the machine's own PostgreSQL started by
 * scripts/external-postgres.sh; the test is skipped where neither exists.
 */
public final class ExternalPostgres implements AutoCloseable {

	private static final String SCRIPT = "scripts/external-postgres.sh";

	private final Map<String, String> settings;

	private final Path cluster;

	private ExternalPostgres(Map<String, String> settings, Path cluster) {
		this.settings = settings;
		this.cluster = cluster;
	}

	/** The server of the environment, or a cluster of its own. */
	public static ExternalPostgres start() throws IOException, InterruptedException {
		String url = System.getenv("TALLY_IT_DB_URL");
		if (url != null && !url.isBlank()) {
			Map<String, String> given = new LinkedHashMap<>();
			for (String key : List.of("URL", "USER", "PASSWORD", "CHECK_USER", "CHECK_PASSWORD")) {
				given.put("TALLY_DB_" + key, System.getenv().getOrDefault("TALLY_IT_DB_" + key, ""));
			}
			return new ExternalPostgres(given, null);
		}
		assumeThat(Files.isDirectory(Path.of("/usr/lib/postgresql")))
			.as("no external PostgreSQL: set TALLY_IT_DB_URL or install Debian's postgresql")
			.isTrue();
		Path cluster = Files.createTempDirectory("tally-external-pg");
		Process script = new ProcessBuilder(SCRIPT, "start", cluster.toString(), Integer.toString(freePort()))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String printed = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!script.waitFor(120, TimeUnit.SECONDS) || script.exitValue() != 0) {
			throw new IllegalStateException(SCRIPT + " start failed (exit " + script.exitValue() + "): " + printed);
		}
		Map<String, String> started = new LinkedHashMap<>();
		printed.lines()
			.map(line -> line.split("=", 2))
			.filter(kv -> kv.length == 2)
			.forEach(kv -> started.put(kv[0], kv[1]));
		return new ExternalPostgres(started, cluster);
	}

	/** TALLY_DB_URL and the other settings a Tally process takes from its environment. */
	public Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>(settings);
		environment.remove("TALLY_DB_SERVER_VERSION");
		return environment;
	}

	public String url() {
		return settings.get("TALLY_DB_URL");
	}

	public String user() {
		return settings.get("TALLY_DB_USER");
	}

	public String password() {
		return settings.get("TALLY_DB_PASSWORD");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		if (cluster != null) {
			new ProcessBuilder(SCRIPT, "stop", cluster.toString()).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
