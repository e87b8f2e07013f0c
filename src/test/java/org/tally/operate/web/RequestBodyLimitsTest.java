package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tally.support.TallyWebTest;

/**
 * Given the real server: a body over its limit is answered 413 before anything reads it,
 * whether its length is declared or chunked, and an anonymous multipart upload may not be
 * large at all.
 */
@TallyWebTest
class RequestBodyLimitsTest {

	private static final String PRESS = "Basic "
			+ Base64.getEncoder().encodeToString("press:press".getBytes(StandardCharsets.UTF_8));

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void givenAClaimsDraftUnderTheLimit_itIsChecked() throws Exception {
		assertThat(claimsCheck(HttpRequest.BodyPublishers.ofString("社会资金600余亿元。"))).isEqualTo(200);
	}

	@Test
	void givenAClaimsDraftOverOneMegabyte_itIsAnswered413() throws Exception {
		assertThat(claimsCheck(HttpRequest.BodyPublishers.ofByteArray(draft(1_100_000)))).isEqualTo(413);
	}

	@Test
	void givenAChunkedDraftOverOneMegabyte_itIsAnswered413() throws Exception {
		byte[] draft = draft(3_000_000);
		assertThat(claimsCheck(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(draft))))
			.isEqualTo(413);
	}

	@Test
	void givenAnAnonymousMultipartUpload_itIsAnswered413BeforeItIsParsed() throws Exception {
		String boundary = "tallyboundary";
		byte[] body = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\n" + "x".repeat(200_000)
				+ "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<Void> response = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/files/upload"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(response.statusCode()).isEqualTo(413);
	}

	private int claimsCheck(BodyPublisher body) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/claims/check"))
				.header("Authorization", PRESS)
				.header("Content-Type", "text/plain; charset=UTF-8")
				.POST(body)
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static byte[] draft(int bytes) {
		byte[] draft = new byte[bytes];
		Arrays.fill(draft, (byte) 'a');
		return draft;
	}

}
