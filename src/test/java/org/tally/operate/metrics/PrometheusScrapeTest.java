package org.tally.operate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tally.support.Runs;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyWebTest;

/**
 * Given a run of the seed inbox, `/actuator/prometheus` tells a monitoring system what it
 * did, to the numbers the pipeline's own tests know: the run, the rows of each source,
 * the checks and the figures; a figure that loses its verification shows; and only an
 * operator or the scrape token may read it. The counters are compared with a scrape taken
 * before the run: the other tests of the shared context run the pipeline too.
 */
@TallyWebTest
class PrometheusScrapeTest extends SeedInboxTest {

	private static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";

	private static final String SCRAPER = "Bearer " + TallyWebTest.SCRAPE_TOKEN;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void givenASeedsRun_theScrapeCountsItsRunRowsChecksAndFigures() throws Exception {
		Map<String, Double> before = metrics(SCRAPER);
		Instant started = Instant.now().minusSeconds(1);

		Runs.completedRun(jobs, "metrics");

		Map<String, Double> after = metrics(SCRAPER);
		Counts counts = new Counts(before, after);
		assertThat(counts.added("tally_runs_total{outcome=\"completed\"}")).isEqualTo(1);
		assertThat(counts.added("tally_runs_total{outcome=\"failed\"}")).isZero();
		assertThat(counts.added("tally_run_duration_seconds_count{outcome=\"completed\"}")).isEqualTo(1);
		assertThat(
				counts.added("tally_step_duration_seconds_count{outcome=\"completed\",step=\"ingestSourceFilesStep\"}"))
			.isEqualTo(1);
		// the detail rows of the two periods' files (NightlyConsolidationJobTest)
		assertRows(counts, "finance-projects", 140 + 118);
		assertRows(counts, "education-activities", 30 + 22);
		assertRows(counts, "health-activities", 20 + 15);
		assertRows(counts, "science-transfers", 64 + 45);
		assertThat(counts.added("tally_files_total{outcome=\"loaded\",source=\"finance-projects\"}")).isEqualTo(2);
		assertThat(counts.added("tally_checks_total{result=\"passed\"}")).isEqualTo(2 * 17);
		assertThat(counts.added("tally_checks_total{result=\"failed\"}")).isZero();
		assertThat(after.get("tally_run_last_success_seconds")).isBetween((double) started.getEpochSecond(),
				(double) Instant.now().getEpochSecond() + 1);
		// the gauges read the database at most once per scrape: a scrape just before may
		// still be answered
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Double> now = metrics(SCRAPER);
			assertThat(now.get("tally_figures{status=\"verified\"}")).isEqualTo(7);
			assertThat(now.get("tally_figures{status=\"unverified\"}")).isZero();
			assertThat(now.get("tally_figures_verification_lost")).isZero();
		});
	}

	@Test
	void givenAFigureThatLostItsVerification_theScrapeShowsItAndTheFailedCheck() throws Exception {
		Runs.completedRun(jobs, "metrics-seeds");
		inbox.plantStartDateAfterPeriodEnd(LEDGER);
		Map<String, Double> before = metrics(SCRAPER);

		Runs.completedRun(jobs, "metrics-correction");

		Counts counts = new Counts(before, metrics(SCRAPER));
		assertThat(counts.added("tally_files_total{outcome=\"loaded\",source=\"finance-projects\"}")).isEqualTo(1);
		assertThat(counts.added("tally_checks_total{result=\"failed\"}")).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Double> now = metrics(SCRAPER);
			assertThat(now.get("tally_figures{status=\"verified\"}")).isEqualTo(6);
			assertThat(now.get("tally_figures{status=\"unverified\"}")).isEqualTo(1);
			assertThat(now.get("tally_figures_verification_lost")).isEqualTo(1);
		});
	}

	@Test
	void givenNoOperatorNorScrapeToken_theScrapeIsRefusedAndTheTokenOpensNothingElse() throws Exception {
		assertThat(scrape(null).statusCode()).isEqualTo(401);
		assertThat(scrape(basic("press", "press")).statusCode()).isEqualTo(403);
		assertThat(scrape("Bearer not-the-" + TallyWebTest.SCRAPE_TOKEN).statusCode()).isEqualTo(401);
		assertThat(scrape(basic("operator", "operator")).statusCode()).isEqualTo(200);
		assertThat(scrape(SCRAPER).statusCode()).isEqualTo(200);
		assertThat(scrape(SCRAPER).headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));

		assertThat(get("/api/runs", SCRAPER).statusCode()).as("the API").isEqualTo(401);
		assertThat(get("/actuator", SCRAPER).statusCode()).as("the other actuator pages").isEqualTo(302);
	}

	private static void assertRows(Counts counts, String source, long rows) {
		assertThat(counts.added("tally_rows_total{outcome=\"read\",source=\"" + source + "\"}")).as(source + " read")
			.isEqualTo(rows);
		assertThat(counts.added("tally_rows_total{outcome=\"loaded\",source=\"" + source + "\"}"))
			.as(source + " loaded")
			.isEqualTo(rows);
		assertThat(counts.added("tally_rows_total{outcome=\"rejected\",source=\"" + source + "\"}"))
			.as(source + " rejected")
			.isZero();
	}

	/** What a counter gained between two scrapes (a counter not yet there counts 0). */
	private record Counts(Map<String, Double> before, Map<String, Double> after) {

		double added(String sample) {
			return after.getOrDefault(sample, 0.0) - before.getOrDefault(sample, 0.0);
		}

	}

	private Map<String, Double> metrics(String authorization) throws Exception {
		HttpResponse<String> response = scrape(authorization);
		assertThat(response.statusCode()).isEqualTo(200);
		return samples(response.body());
	}

	private HttpResponse<String> scrape(String authorization) throws Exception {
		return get("/actuator/prometheus", authorization);
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Each sample of the text format by its name and labels as written. */
	private static Map<String, Double> samples(String text) {
		Map<String, Double> samples = new LinkedHashMap<>();
		text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
			int space = line.lastIndexOf(' ');
			samples.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
		});
		return samples;
	}

}
