package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tally.operate.Operations;
import org.tally.pipeline.RunSummary;
import org.tally.support.TallyTest;
import org.tally.support.SeedInboxTest;

/**
 * Given the demo users, every endpoint answers anonymous, PRESS and OPERATOR as the role
 * matrix says: the API wants HTTP basic (401 without), PRESS sees only the figures (403
 * elsewhere), OPERATOR everything; health is open; page forms need their CSRF token.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class WebRoleMatrixTest extends SeedInboxTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Operations operations;

	@AfterEach
	void runsHaveEnded() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (operations.runs(10).stream().anyMatch(RunSummary::running) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	/** Endpoint, then the status for anonymous, PRESS and OPERATOR. */
	record Row(HttpMethod method, String path, int anonymous, int press, int operator) {
	}

	@Test
	void givenEachRole_everyApiEndpointAnswersAsTheMatrixSays() throws Exception {
		List<Row> matrix = List.of(new Row(HttpMethod.GET, "/api/figures", 401, 200, 200),
				new Row(HttpMethod.GET, "/api/runs", 401, 403, 200),
				new Row(HttpMethod.GET, "/api/files", 401, 403, 200),
				new Row(HttpMethod.GET, "/api/schedules", 401, 403, 200),
				new Row(HttpMethod.POST, "/api/runs/999999/restart", 401, 403, 409),
				new Row(HttpMethod.POST, "/api/runs/999999/stop", 401, 403, 409),
				new Row(HttpMethod.POST, "/api/schedules/nightly/pause", 401, 403, 200),
				new Row(HttpMethod.POST, "/api/schedules/nightly/resume", 401, 403, 200),
				new Row(HttpMethod.POST, "/api/schedules/no-such-schedule/pause", 401, 403, 404),
				new Row(HttpMethod.POST, "/api/runs", 401, 403, 202),
				// the run just accepted is still going (or just ended): the rerun is
				// refused or accepted, never forbidden
				new Row(HttpMethod.POST, "/api/runs/rerun?asOf=2024-12-31&department=finance", 401, 403, -1),
				new Row(HttpMethod.GET, "/actuator/health", 200, 200, 200),
				// Figures and claims API, its OpenAPI description; a
				// figure's history is 200
				// or 404 depending on whether an earlier test in this JVM published one
				// (-2: either, never 401/403)
				new Row(HttpMethod.GET, "/api/figures?all=true", 401, 403, 200),
				new Row(HttpMethod.GET, "/api/figures/committed_investment/history", 401, -2, -2),
				new Row(HttpMethod.POST, "/api/claims/check", 401, 200, 200),
				new Row(HttpMethod.GET, "/v3/api-docs", 401, 200, 200));
		for (Row row : matrix) {
			assertThat(status(request(row), null, null)).as("anonymous %s %s", row.method(), row.path())
				.isEqualTo(row.anonymous());
			int press = status(request(row), "press", "press");
			if (row.press() == -2) {
				assertThat(press).as("press %s %s", row.method(), row.path()).isIn(200, 404);
			}
			else {
				assertThat(press).as("press %s %s", row.method(), row.path()).isEqualTo(row.press());
			}
			int operator = status(request(row), "operator", "operator");
			if (row.operator() == -2) {
				assertThat(operator).as("operator %s %s", row.method(), row.path()).isIn(200, 404);
			}
			else if (row.operator() == -1) {
				assertThat(operator).as("operator %s %s", row.method(), row.path()).isIn(202, 409);
			}
			else {
				assertThat(operator).as("operator %s %s", row.method(), row.path()).isEqualTo(row.operator());
			}
		}
	}

	@Test
	void givenAWrongPassword_theApiAnswers401() throws Exception {
		assertThat(mvc.perform(get("/api/figures").with(httpBasic("operator", "wrong")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
	}

	@Test
	void givenTheOperatorsApiActions_theyAreAuditedWithUserAndAddress() throws Exception {
		mvc.perform(post("/api/schedules/nightly/pause").with(httpBasic("operator", "operator")));
		mvc.perform(post("/api/schedules/nightly/resume").with(httpBasic("operator", "operator")));

		assertThat(warehouse.strings("SELECT actor || '@' || origin || ' ' || channel || ' ' || action || ' ' || target"
				+ " || ' ' || outcome FROM ops.audit ORDER BY id DESC LIMIT 2"))
			.containsExactly("operator@127.0.0.1 web resume schedule nightly ok",
					"operator@127.0.0.1 web pause schedule nightly ok");
	}

	@Test
	void givenThePages_pressSeesFiguresOnlyAndFormsNeedTheirCsrfToken() throws Exception {
		assertThat(page(get("/"), null)).isEqualTo(302); // to the login form
		assertThat(page(get("/press"), null)).isEqualTo(302);
		assertThat(page(get("/press"), "PRESS")).isEqualTo(200);
		assertThat(page(get("/"), "PRESS")).isEqualTo(302); // to /press
		assertThat(page(post("/runs").with(csrf()), "PRESS")).isEqualTo(403);
		assertThat(page(get("/"), "OPERATOR")).isEqualTo(200);
		assertThat(page(post("/runs"), "OPERATOR")).isEqualTo(403); // no CSRF token
		assertThat(page(post("/runs").with(csrf()), "OPERATOR")).isEqualTo(302);
		assertThat(page(get("/login"), null)).isEqualTo(200);
		// The press downloads
		for (String export : List.of("/press/export.xlsx", "/press/export.csv")) {
			assertThat(page(get(export), null)).as("anonymous %s", export).isEqualTo(302);
			assertThat(page(get(export), "PRESS")).as("press %s", export).isEqualTo(200);
			assertThat(page(get(export), "OPERATOR")).as("operator %s", export).isEqualTo(200);
		}
	}

	private int page(MockHttpServletRequestBuilder request, String role) throws Exception {
		if (role != null) {
			request.with(user(role.toLowerCase()).roles(role));
		}
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private static MockHttpServletRequestBuilder request(Row row) {
		if (row.path().equals("/api/claims/check")) {
			return post(row.path()).contentType(MediaType.TEXT_PLAIN).content("社会资金600余亿元。");
		}
		return row.method() == HttpMethod.GET ? get(row.path()) : post(row.path());
	}

	private int status(MockHttpServletRequestBuilder request, String user, String password) throws Exception {
		if (user != null) {
			request.with(httpBasic(user, password));
		}
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
