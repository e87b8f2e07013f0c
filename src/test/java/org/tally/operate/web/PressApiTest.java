package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tally.support.TallyTest;
import org.tally.support.PublishedSeedsTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Given the seeds consolidated, the figures API gives the press its verified view and the
 * operator everything with reasons, the claim check judges a text sent as plain text or
 * JSON, the exports download, and the OpenAPI description documents every path the
 * application maps.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class PressApiTest extends PublishedSeedsTest {

	static final String TEXT = "京长对口合作以来，北京企业签约社会资金600余亿元，完成投资约110亿元，已落地开工90个项目。";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void givenThePress_figuresAreThePressViewAndAllIsForbidden() throws Exception {
		JsonNode figures = json(get("/api/figures"), "press");

		assertThat(figures.size()).isEqualTo(7);
		assertThat(figures.get(0).get("id").asString()).isEqualTo("committed_investment");
		assertThat(figures.get(0).get("value").decimalValue()).isEqualByComparingTo("60237450000.00");
		assertThat(figures.get(0).get("phrase").asString()).isEqualTo("600余亿元");
		figures.forEach(f -> assertThat(f.get("status").asString()).isEqualTo("verified"));
		assertThat(status(get("/api/figures?all=true"), "press")).isEqualTo(403);
	}

	@Test
	void givenTheOperator_allFiguresComeWithStatusAndReasons() throws Exception {
		JsonNode figures = json(get("/api/figures?all=true"), "operator");

		assertThat(figures.size()).isEqualTo(7);
		figures.forEach(f -> {
			assertThat(f.has("status")).isTrue();
			assertThat(f.get("reasons").isArray()).isTrue();
		});
	}

	@Test
	void givenAFigure_itsHistoryListsItsVersionsAndAnUnknownOneIs404() throws Exception {
		JsonNode history = json(get("/api/figures/committed_investment/history"), "press");

		assertThat(history.size()).isGreaterThanOrEqualTo(1);
		assertThat(history.get(history.size() - 1).get("figure").get("asOf").asString()).isEqualTo("2024-12-31");
		assertThat(history.get(0).get("changes").get(0).asString()).startsWith("first version for");
		assertThat(status(get("/api/figures/no_such_figure/history"), "press")).isEqualTo(404);
	}

	@Test
	void givenAPressTextAsPlainTextOrJson_eachClaimIsJudged() throws Exception {
		JsonNode plain = json(post("/api/claims/check").contentType(MediaType.TEXT_PLAIN).content(TEXT), "press");
		JsonNode asJson = json(post("/api/claims/check").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("text", TEXT))), "press");

		assertThat(asJson).isEqualTo(plain);
		assertThat(plain.get("asOf").asString()).isEqualTo("2024-12-31");
		List<String> verdicts = new ArrayList<>();
		plain.get("claims")
			.forEach(c -> verdicts.add(
					c.get("phrase").asString() + " " + c.get("figure").asString() + " " + c.get("verdict").asString()));
		assertThat(verdicts).containsExactly("600余亿元 committed_investment consistent",
				"约110亿元 completed_investment consistent", "90个 started_projects contradicted");
		JsonNode first = plain.get("claims").get(0);
		assertThat(first.get("low").asString()).isEqualTo("60000000000");
		assertThat(first.get("high").asString()).isEqualTo("70000000000");
		assertThat(first.get("value").asString()).isEqualTo("60237450000.00");
		assertThat(first.get("sentence").asString()).contains("社会资金600余亿元");
		assertThat(status(post("/api/claims/check").contentType(MediaType.TEXT_PLAIN).content("  "), "press"))
			.isEqualTo(400);
	}

	@Test
	void givenThePress_theWorkbookDownloadsWithTheByCountyChartIn100MillionYuanInTheOfficialCountyOrder()
			throws Exception {
		MockHttpServletResponse response = page(get("/press/export.xlsx"));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"tally-press-figures-2024-12-31.xlsx\"");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			var byCounty = book.getSheet("by county");
			assertThat(byCounty.getLastRowNum()).isGreaterThan(1);
			BigDecimal committed = BigDecimal.ZERO;
			List<String> counties = new ArrayList<>();
			for (int r = 1; r <= byCounty.getLastRowNum(); r++) {
				counties.add(byCounty.getRow(r).getCell(0).getStringCellValue());
				committed = committed.add(BigDecimal.valueOf(byCounty.getRow(r).getCell(1).getNumericCellValue()));
			}
			assertThat(committed).as("亿元").isCloseTo(new BigDecimal("602.3745"), Offset.offset(new BigDecimal("1e-8")));
			List<String> official = new ArrayList<>(YAMLMapper.builder()
				.build()
				.readTree(Path.of("config/reporting.yml").toFile())
				.get("counties")
				.get("codes")
				.propertyNames());
			assertThat(counties).as("the order of config/reporting.yml")
				.isEqualTo(official.stream().filter(counties::contains).toList());
			assertThat(counties).hasSizeGreaterThan(2);
			assertThat(byCounty.getDrawingPatriarch().getCharts()).isNotEmpty();
		}
	}

	@Test
	void givenThePress_theCsvDownloadsAsUtf8WithABom() throws Exception {
		MockHttpServletResponse response = page(get("/press/export.csv"));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/csv");
		String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFFfigure,label,label_en,value,unit,display,phrase,phrase_en,as_of,version\r\n")
			.contains(
					"committed_investment,社会资金签约额,Social capital committed by Beijing enterprises,60237450000.00,CNY,");
	}

	@Test
	void givenTheOpenApiDescription_everyDocumentedPathIsMappedAndTheNewOnesAreDocumented() throws Exception {
		JsonNode docs = json(get("/v3/api-docs"), "press");

		List<String> documented = new ArrayList<>(docs.get("paths").propertyNames());
		List<String> mapped = handlers.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(info -> info.getPatternValues().stream())
			.toList();
		assertThat(documented).contains("/api/figures", "/api/figures/{id}/history", "/api/claims/check",
				"/press/export.xlsx", "/press/export.csv", "/api/runs");
		assertThat(mapped).containsAll(documented);
		assertThat(docs.get("openapi").asString()).startsWith("3.1");
		Files.writeString(Path.of("target/api-docs.json"), docs.toPrettyString());
		assertThat(docs.get("paths")
			.get("/api/claims/check")
			.get("post")
			.get("requestBody")
			.get("content")
			.propertyNames()).contains("text/plain", "application/json");
		assertThat(docs.get("paths")
			.get("/press/export.xlsx")
			.get("get")
			.get("responses")
			.get("200")
			.get("content")
			.propertyNames()).containsExactly(ExportController.XLSX);
		assertThat(status(get("/v3/api-docs"), null)).isEqualTo(401);
	}

	private JsonNode json(MockHttpServletRequestBuilder request, String user) throws Exception {
		MockHttpServletResponse response = response(request, user);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	/**
	 * The exports are pages: a signed-in browser session downloads them, as from the
	 * press page.
	 */
	private MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(SecurityMockMvcRequestPostProcessors.user("press").roles("PRESS")))
			.andReturn()
			.getResponse();
	}

	private int status(MockHttpServletRequestBuilder request, String user) throws Exception {
		return response(request, user).getStatus();
	}

	private MockHttpServletResponse response(MockHttpServletRequestBuilder request, String user) throws Exception {
		if (user != null) {
			request.with(httpBasic(user, user));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

}
