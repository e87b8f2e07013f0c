package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.operate.Actor;
import org.tally.operate.accounts.Accounts;
import org.tally.support.TallyWebTest;

/**
 * Given the real server on a free port: cross-site requests cannot drive the API, API
 * tokens sign in until revoked, repeated wrong passwords lock an account, accounts are
 * managed without YAML, the session cookie is HttpOnly and SameSite=Lax, and the demo
 * profile listens on loopback only.
 */
@TallyWebTest
class SessionsAndTokensTest {

	private static final Actor ADMIN = Actor.web("test-admin", "127.0.0.1");

	private static final char[] PASSWORD = "correct horse battery".toCharArray();

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebServerApplicationContext context;

	private long auditedBefore;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void noKeptAccounts() {
		jdbc.sql("DELETE FROM ops.api_token").update();
		jdbc.sql("DELETE FROM ops.web_user").update();
		jdbc.sql("DELETE FROM ops.sign_in_failure").update();
		auditedBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM ops.audit").query(Long.class).single();
	}

	@Test
	void givenACrossSiteOriginOrFetchSite_aStateChangingApiRequestIsRefusedWhateverItsCredentials() throws Exception {
		String operator = basic("operator", "operator");
		assertThat(send(post("/api/schedules/nightly/pause", operator).header("Origin", "https://evil.example")))
			.isEqualTo(403);
		assertThat(send(post("/api/schedules/nightly/pause", operator).header("Origin", "null"))).isEqualTo(403);
		assertThat(send(post("/api/schedules/nightly/pause", operator).header("Sec-Fetch-Site", "cross-site")))
			.isEqualTo(403);
		assertThat(send(post("/api/schedules/nightly/pause", operator).header("Sec-Fetch-Site", "same-site")))
			.isEqualTo(403);

		assertThat(send(get("/api/figures", operator).header("Origin", "https://evil.example"))).as("reads pass")
			.isEqualTo(200);
		assertThat(send(post("/api/schedules/nightly/pause", operator).header("Origin", "http://localhost:" + port)
			.header("Sec-Fetch-Site", "same-origin"))).isEqualTo(200);
		assertThat(send(post("/api/schedules/nightly/resume", operator))).as("scripts send no Origin").isEqualTo(200);
	}

	@Test
	void givenAnApiToken_itSignsInAsItsUserUntilRevokedAndOnlyItsDigestIsKept() throws Exception {
		accounts.add("test-robot", "OPERATOR", PASSWORD, ADMIN);
		String token = accounts.createToken("test-robot", "nightly report", ADMIN);

		assertThat(token).startsWith("tally_").hasSizeGreaterThan(40);
		assertThat(send(get("/api/runs", "Bearer " + token))).isEqualTo(200);
		assertThat(send(get("/api/runs", "Bearer tally_" + "A".repeat(43)))).isEqualTo(401);
		assertThat(jdbc.sql("SELECT row_to_json(t)::text FROM ops.api_token t").query(String.class).list())
			.singleElement()
			.asString()
			.doesNotContain(token.substring("tally_".length()));

		long id = accounts.tokens().get(0).id();
		accounts.revokeToken(id, ADMIN);
		assertThat(send(get("/api/runs", "Bearer " + token))).isEqualTo(401);
		assertThat(audit("test-robot")).contains("create token ok", "add user ok");
		assertThat(audit(String.valueOf(id))).contains("revoke token ok");
	}

	@Test
	void givenATokenRevokedByAnotherProcess_itIsRefusedOnceItsKeptUserExpires() throws Exception {
		accounts.add("test-script", "PRESS", PASSWORD, ADMIN);
		String token = accounts.createToken("test-script", null, ADMIN);
		assertThat(send(get("/api/figures", "Bearer " + token))).isEqualTo(200);

		// what `tally tokens revoke` does from its own process: this server is not told
		jdbc.sql("UPDATE ops.api_token SET revoked_at = now() WHERE user_name = 'test-script'").update();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(send(get("/api/figures", "Bearer " + token))).isEqualTo(401));
	}

	@Test
	void givenATokenInUse_itIsRefusedAtOnceWhenItsAccountIsLockedOrDisabledHere() throws Exception {
		accounts.add("test-lockbot", "PRESS", PASSWORD, ADMIN);
		String locked = accounts.createToken("test-lockbot", null, ADMIN);
		accounts.add("test-gone", "PRESS", PASSWORD, ADMIN);
		String disabled = accounts.createToken("test-gone", null, ADMIN);
		assertThat(send(get("/api/figures", "Bearer " + locked))).isEqualTo(200);
		assertThat(send(get("/api/figures", "Bearer " + disabled))).isEqualTo(200);

		for (int attempt = 0; attempt < 5; attempt++) {
			accounts.signInFailed("test-lockbot", ADMIN);
		}
		accounts.disable("test-gone", ADMIN);

		assertThat(send(get("/api/figures", "Bearer " + locked))).isEqualTo(401);
		assertThat(send(get("/api/figures", "Bearer " + disabled))).isEqualTo(401);
	}

	@Test
	void givenAPressToken_itReadsFiguresButCannotStartRuns() throws Exception {
		accounts.add("test-newsroom", "PRESS", PASSWORD, ADMIN);
		String token = accounts.createToken("test-newsroom", null, ADMIN);

		assertThat(send(get("/api/figures", "Bearer " + token))).isEqualTo(200);
		assertThat(send(post("/api/runs", "Bearer " + token))).isEqualTo(403);
	}

	@Test
	void givenFiveWrongPasswords_theAccountIsLockedAndEveryFailureIsAudited() throws Exception {
		accounts.add("test-locky", "PRESS", PASSWORD, ADMIN);
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(send(get("/api/figures", basic("test-locky", "wrong password")))).isEqualTo(401);
		}

		assertThat(send(get("/api/figures", basic("test-locky", new String(PASSWORD))))).as("locked").isEqualTo(401);
		assertThat(audit("test-locky")).filteredOn(line -> line.startsWith("sign in failed")).hasSize(5);
		assertThat(audit("test-locky")).anyMatch(line -> line.startsWith("sign in refused"));
		assertThat(accounts.list()).filteredOn(account -> account.name().equals("test-locky"))
			.singleElement()
			.satisfies(account -> assertThat(account.lockedUntil()).isNotNull());

		accounts.changePassword("test-locky", "another long password".toCharArray(), ADMIN);
		assertThat(send(get("/api/figures", basic("test-locky", "another long password")))).isEqualTo(200);
	}

	@Test
	void givenAUserAddedWithoutYaml_itSignsInUntilDisabled() throws Exception {
		accounts.add("test-desk", "OPERATOR", PASSWORD, ADMIN);
		assertThat(send(get("/api/runs", basic("test-desk", new String(PASSWORD))))).isEqualTo(200);

		accounts.disable("test-desk", ADMIN);

		assertThat(send(get("/api/runs", basic("test-desk", new String(PASSWORD))))).isEqualTo(401);
		assertThat(audit("test-desk")).contains("add user ok", "disable user ok");
	}

	@Test
	void givenTheLoginPage_theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
		assertThat(csrf.find()).as("the login form has its CSRF token").isTrue();

		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie.substring(0, cookie.indexOf(';')))
			.POST(HttpRequest.BodyPublishers.ofString("username=operator&password=operator&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().allValues("Set-Cookie")).isNotEmpty()
			.allSatisfy(value -> assertThat(value).contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void givenTheDemoProfile_theServerListensOnLoopbackOnly() throws Exception {
		Object address = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProperty("address");

		assertThat(address).isInstanceOf(InetAddress.class);
		assertThat(((InetAddress) address).isLoopbackAddress()).isTrue();
	}

	private List<String> audit(String target) {
		return jdbc.sql("SELECT action || ' ' || outcome FROM ops.audit WHERE target = ? AND id > ? ORDER BY id")
			.params(target, auditedBefore)
			.query(String.class)
			.list();
	}

	private int send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private HttpRequest.Builder get(String path, String authorization) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", authorization);
	}

	private HttpRequest.Builder post(String path, String authorization) {
		return HttpRequest.newBuilder(uri(path))
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.noBody());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
