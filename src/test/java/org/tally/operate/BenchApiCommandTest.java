package org.tally.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given `tally bench --api` with tiny durations, it serves the seeds on a loopback port,
 * drives the figures API, the press page and the claim check idle and during a night run,
 * and reports each endpoint's requests per second and latencies as JSON on standard
 * output alone.
 */
class BenchApiCommandTest {

	@TempDir
	Path workspace;

	@Test
	void givenTwoSecondPhases_theJsonReportHasRatesAndPercentilesPerEndpointAndPhase() {
		TallyCommandLineTest.Result result = TallyCommandLineTest.tally("bench", "--api", "--api-seconds", "2",
				"--clients", "4", "--rows", "2000", "--format", "json", "--work", workspace.toString());

		JsonNode report = JsonMapper.builder().build().readTree(TallyCommandLineTest.output(result));
		assertThat(report.get("clients").asInt()).isEqualTo(4);
		assertThat(report.get("windowSeconds").asDouble()).isEqualTo(2.0);
		assertThat(report.get("nightRows").asLong()).isEqualTo(2000);
		assertThat(report.get("nightStatus").asString()).isEqualTo("COMPLETED");
		for (String phase : new String[] { "idle", "duringNight" }) {
			assertThat(report.get(phase)).as(phase)
				.extracting(m -> m.get("endpoint").asString())
				.containsExactly("GET /api/figures (API token)", "GET /press (session cookie)",
						"POST /api/claims/check (API token)");
			report.get(phase).forEach(m -> {
				assertThat(m.get("requests").asLong()).as(phase + " " + m).isPositive();
				assertThat(m.get("failures").asLong()).as(phase + " " + m).isZero();
				assertThat(m.get("requestsPerSecond").asDouble()).isPositive();
				assertThat(m.get("p50Millis").asDouble()).isPositive()
					.isLessThanOrEqualTo(m.get("p99Millis").asDouble());
			});
		}
		assertThat(report.get("idleCosts")).as("what an idle request costs")
			.extracting(c -> c.get("endpoint").asString())
			.containsExactly("GET /api/figures (API token)", "GET /press (session cookie)",
					"POST /api/claims/check (API token)");
		report.get("idleCosts").forEach(c -> {
			assertThat(c.get("jvmCpuMillisPerRequest").asDouble()).as(c.toString()).isPositive();
			assertThat(c.get("databaseTransactionsPerRequest").asDouble()).as(c.toString()).isNotNegative();
		});
		assertThat(result.err()).contains("tally: bench: idle: GET /api/figures (API token) for 2 s, 4 clients")
			.contains("tally: bench: during a night run of 2000 rows");
	}

}
