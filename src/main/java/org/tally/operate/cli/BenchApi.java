package org.tally.operate.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.bench.ApiBench;
import org.tally.bench.ApiBenchReport;
import org.tally.operate.Actor;
import org.tally.operate.accounts.Accounts;

/**
 * `tally bench --api`: the web application on a loopback port of the benchmark's own
 * database, a PRESS user with a fresh password and API token in it, and the report's
 * table.
 */
final class BenchApi {

	static final String USER = "bench-press";

	private BenchApi() {
	}

	static ApiBenchReport measure(BenchCommand command) throws Exception {
		Path config = command.locations.configDir == null ? Path.of("config") : command.locations.configDir;
		ApiBench bench = new ApiBench(command.work, command.rows, command.apiLoad.clients,
				Duration.ofSeconds(command.apiLoad.seconds),
				inbox -> CommandContexts.start(command.benchLocations(config, inbox),
						Map.of("spring.main.web-application-type", "servlet", "server.port", "0", "server.address",
								"127.0.0.1")),
				BenchApi::pressUser, command.progressLines());
		return bench.run();
	}

	/** The bench's PRESS user, with a new password and a new token on every run. */
	private static ApiBench.Credentials pressUser(ConfigurableApplicationContext context) {
		Accounts accounts = context.getBean(Accounts.class);
		byte[] secret = new byte[18];
		new SecureRandom().nextBytes(secret);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		if (accounts.list().stream().anyMatch(a -> a.name().equals(USER))) {
			accounts.changePassword(USER, password.toCharArray(), Actor.cli());
		}
		else {
			accounts.add(USER, "PRESS", password.toCharArray(), Actor.cli());
		}
		return new ApiBench.Credentials(USER, password, accounts.createToken(USER, "tally bench --api", Actor.cli()));
	}

	static String table(ApiBenchReport report) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%d clients, %.0f s a phase, %s, load average %.2f before%n", report.clients(),
				report.windowSeconds(), report.machine(), report.loadAverageBefore()));
		TextTable table = new TextTable("phase", "endpoint", "requests", "req/s", "p50 ms", "p99 ms", "max ms",
				"failures");
		report.idle().forEach(m -> row(table, "idle", m));
		report.duringNight().forEach(m -> row(table, "night", m));
		out.append(table);
		out.append(String.format("night run: %,d rows, %.2f s, %s%n", report.nightRows(), report.nightSeconds(),
				report.nightStatus()));
		TextTable costs = new TextTable("idle endpoint", "JVM CPU ms/request", "DB transactions/request (about)");
		report.idleCosts()
			.forEach(c -> costs.row(c.endpoint(), String.format("%.2f", c.jvmCpuMillisPerRequest()),
					String.format("%.2f", c.databaseTransactionsPerRequest())));
		out.append(costs);
		return out.toString();
	}

	private static void row(TextTable table, String phase, ApiBenchReport.Measure m) {
		table.row(phase, m.endpoint(), String.format("%,d", m.requests()),
				String.format("%,.0f", m.requestsPerSecond()), String.format("%.1f", m.p50Millis()),
				String.format("%.1f", m.p99Millis()), String.format("%.1f", m.maxMillis()),
				m.failures() == 0 ? "0" : m.failures() + " (first: " + m.firstFailure() + ")");
	}

}
