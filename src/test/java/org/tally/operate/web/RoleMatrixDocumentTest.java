package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tally.support.TallyTest;

/**
 * Given the role matrix of docs/security.md, every endpoint of the running application
 * answers anonymous, PRESS and OPERATOR callers as the table says, and the table lists
 * every endpoint Tally serves.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class RoleMatrixDocumentTest {

	private static final Path DOCUMENT = Path.of("docs/security.md");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * One row of the table: the endpoint as mapped, the request sent, the three answers.
	 */
	record Row(String method, String endpoint, String example, String anonymous, String press, String operator) {

		String key() {
			return method + " " + endpoint;
		}

	}

	@Test
	void givenTheDocumentedMatrix_everyEndpointAnswersEachRoleAsItSays() throws Exception {
		List<String> differences = new ArrayList<>();
		for (Row row : matrix()) {
			compare(row, "anonymous", row.anonymous(), outcome(row, null), differences);
			compare(row, "PRESS", row.press(), outcome(row, "press"), differences);
			compare(row, "OPERATOR", row.operator(), outcome(row, "operator"), differences);
		}
		assertThat(differences).as("rows of docs/security.md that the application contradicts").isEmpty();
	}

	@Test
	void givenTheApplicationsEndpoints_theDocumentedMatrixListsEachOne() throws IOException {
		Set<String> documented = new TreeSet<>(matrix().stream().map(Row::key).toList());
		Set<String> served = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.tally")) {
				return;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					served.add("GET " + pattern);
				}
				methods.forEach(method -> served.add(method.name() + " " + pattern));
			}
		});

		assertThat(documented).as("endpoints in docs/security.md's role matrix").containsAll(served);
	}

	private static void compare(Row row, String caller, String expected, String actual, List<String> differences) {
		if (!expected.equals(actual)) {
			differences.add(row.key() + " as " + caller + ": documented " + expected + ", answered " + actual);
		}
	}

	private String outcome(Row row, String user) throws Exception {
		boolean api = row.example().startsWith("/api/") || row.example().startsWith("/v3/");
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(row.method()), row.example());
		if (row.example().equals("/api/claims/check")) {
			request.contentType(MediaType.TEXT_PLAIN).content("社会资金600余亿元。".getBytes(StandardCharsets.UTF_8));
		}
		if (user != null && api) {
			request.with(httpBasic(user, user));
		}
		else if (user != null) {
			request.with(user(user).roles(user.toUpperCase()));
		}
		if (!api && row.method().equals("POST")) {
			request.with(csrf());
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		int status = response.getStatus();
		if (status == 401 || status == 403) {
			return String.valueOf(status);
		}
		String location = response.getRedirectedUrl();
		if (status == 302 && location != null && location.endsWith("/login")) {
			return "login";
		}
		return "ok";
	}

	private static List<Row> matrix() throws IOException {
		List<Row> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : Files.readAllLines(DOCUMENT)) {
			if (line.startsWith("| method | endpoint | example |")) {
				inTable = true;
				continue;
			}
			if (!inTable || line.startsWith("|---")) {
				continue;
			}
			if (!line.startsWith("|")) {
				break;
			}
			String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|");
			rows.add(new Row(cell(cells[0]), cell(cells[1]), cell(cells[2]), cell(cells[3]), cell(cells[4]),
					cell(cells[5])));
		}
		assertThat(rows).as("the role matrix in docs/security.md").hasSizeGreaterThan(30);
		return rows;
	}

	private static String cell(String text) {
		return text.trim().replace("\\|", "|");
	}

}
