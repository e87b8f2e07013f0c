package org.tally.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.bench.ApiBenchReport;

/**
 * A server that answers fast but wrongly must not look fast: only a 200 whose body holds
 * the endpoint's marker counts as a request served.
 */
class LoadDriverTest {

	private HttpServer server;

	@BeforeEach
	void start() throws Exception {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		answer("/good", 200, "[{\"id\":\"a\",\"status\":\"verified\"}]");
		answer("/wrong-body", 200, "{\"error\":\"nothing published\"}");
		answer("/refused", 401, "");
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void givenGoodAnswersWrongBodiesAndRefusals_onlyTheGoodAnswersCountAsServed() throws Exception {
		LoadDriver driver = new LoadDriver(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), 10);

		List<ApiBenchReport.Measure> measures = new ArrayList<>();
		for (String path : List.of("good", "wrong-body", "refused")) {
			measures.addAll(driver.drive(List.of(endpoint(path)), 1, Duration.ofSeconds(30), () -> false));
		}

		assertThat(measures).extracting(ApiBenchReport.Measure::requests).containsExactly(10L, 0L, 0L);
		assertThat(measures).extracting(ApiBenchReport.Measure::failures).containsExactly(0L, 10L, 10L);
		assertThat(measures.get(1).firstFailure()).isEqualTo("HTTP 200 without \"status\":\"verified\" in its body");
		assertThat(measures.get(2).firstFailure()).isEqualTo("HTTP 401");
	}

	@Test
	void givenAMarkerAtEitherEndOrNowhere_theBodyHoldsItOrNot() {
		byte[] marker = "</html>".getBytes(StandardCharsets.UTF_8);

		assertThat(LoadDriver.holds("<html>…</html>\n".getBytes(StandardCharsets.UTF_8), marker)).isTrue();
		assertThat(LoadDriver.holds("</html> and more".getBytes(StandardCharsets.UTF_8), marker)).isTrue();
		assertThat(LoadDriver.holds("<html>cut off</ht".getBytes(StandardCharsets.UTF_8), marker)).isFalse();
		assertThat(LoadDriver.holds(new byte[0], marker)).isFalse();
	}

	private LoadDriver.Endpoint endpoint(String path) {
		URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
		return new LoadDriver.Endpoint(path, HttpRequest.newBuilder(uri).build(), "\"status\":\"verified\"");
	}

	private void answer(String path, int status, String body) {
		server.createContext(path, exchange -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
	}

}
