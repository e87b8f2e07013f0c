package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tally.support.Runs;
import org.tally.support.TallyTest;
import org.tally.support.PublishedSeedsTest;

/**
 * Given a verified version, then an unverified correction with value X, then a verified
 * correction of the year-end ledger, nothing the press can read (its page with the chart,
 * both exports, a figure's history) shows X or the county totals behind it: the chart and
 * the by-county breakdown are those of the last verified version, and the history diffs
 * verified versions only.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class PressSeesVerifiedOnlyTest extends PublishedSeedsTest {

	static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";

	static final int COUNTY = 3;

	static final int COMMITTED = 7;

	static final BigDecimal VERIFIED_V1 = new BigDecimal("60237450000.00");

	/** Added to one project's committed investment (万元) in the unverified correction. */
	static final BigDecimal UNVERIFIED_RAISE = new BigDecimal("12345.67");

	/** Added instead in the verified correction, whose totals row agrees. */
	static final BigDecimal VERIFIED_RAISE = new BigDecimal("2000");

	static final BigDecimal WAN = new BigDecimal("10000");

	@Autowired
	MockMvc mvc;

	@Test
	void givenAnUnverifiedVersionBetweenTwoVerifiedOnes_noPressPageExportOrHistoryShowsItsValue() throws Exception {
		Map<String, BigDecimal> v1 = byCounty();
		String county = correctLedger(UNVERIFIED_RAISE, false);
		Runs.completedRun(jobs, "unverified-v2");
		assertThat(warehouse.strings("""
				SELECT status || ' ' || version || ' ' || value FROM publish.figure_version
				WHERE figure_id = 'committed_investment' AND as_of = '2024-12-31' ORDER BY id DESC LIMIT 1"""))
			.containsExactly("unverified 2 60360906700.00");
		List<String> unverified = forms(new BigDecimal("60360906700.00"),
				v1.get(county).add(UNVERIFIED_RAISE.multiply(WAN)));
		assertThat(unverified).contains("603.61");

		assertThat(pressReadable()).as("with the unverified version the latest").doesNotContain(unverified);

		correctLedger(VERIFIED_RAISE, true);
		Runs.completedRun(jobs, "verified-v3");
		assertThat(warehouse.strings("""
				SELECT status || ' ' || version || ' ' || value FROM publish.figure_version
				WHERE figure_id = 'committed_investment' AND as_of = '2024-12-31' ORDER BY id DESC LIMIT 1"""))
			.containsExactly("verified 3 60257450000.00");

		assertThat(pressReadable()).as("after a verified correction").doesNotContain(unverified);
	}

	@Test
	void givenTheLatestVersionUnverified_theChartAndBreakdownAreThoseOfTheLastVerifiedVersion() throws Exception {
		Map<String, BigDecimal> v1 = byCounty();
		assertThat(v1.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(VERIFIED_V1);
		String county = correctLedger(UNVERIFIED_RAISE, false);
		Runs.completedRun(jobs, "unverified-v2");

		assertThat(byCounty()).isEqualTo(v1);
		String page = page("/press");
		assertThat(page).contains("签约 " + yi(VERIFIED_V1) + " / 完成")
			.contains(county + " 签约 " + yi(v1.get(county)) + " 亿元");

		correctLedger(VERIFIED_RAISE, true);
		Runs.completedRun(jobs, "verified-v3");

		Map<String, BigDecimal> v3 = byCounty();
		assertThat(v3.get(county)).isEqualByComparingTo(v1.get(county).add(VERIFIED_RAISE.multiply(WAN)));
		assertThat(page("/press")).contains(county + " 签约 " + yi(v3.get(county)) + " 亿元");
	}

	@Test
	void givenTheCachedPressViewAndItsETag_theNextRequestAfterAVerifiedCorrectionAnswersTheNewValueAndTag()
			throws Exception {
		MockHttpServletResponse first = figures(null);
		String tag = first.getHeader("ETag");
		assertThat(tag).matches("\"[0-9a-f]{32}\"");
		assertThat(first.getContentAsString()).contains("60237450000.00");
		assertThat(figures(tag).getStatus()).as("unchanged figures").isEqualTo(304);

		correctLedger(UNVERIFIED_RAISE, false);
		Runs.completedRun(jobs, "unverified-v2");
		// the other figures were verified again by this run: a new tag, but the old value
		assertThat(figures(tag).getContentAsString()).contains("60237450000.00").doesNotContain("60360906700");

		correctLedger(VERIFIED_RAISE, true);
		Runs.completedRun(jobs, "verified-v3");
		MockHttpServletResponse after = figures(tag);
		assertThat(after.getStatus()).isEqualTo(200);
		assertThat(after.getContentAsString()).contains("60257450000.00").doesNotContain("60237450000.00");
		assertThat(after.getHeader("ETag")).matches("\"[0-9a-f]{32}\"").isNotEqualTo(tag);
		assertThat(figures(after.getHeader("ETag")).getStatus()).isEqualTo(304);
	}

	@Test
	void givenAPlainRequestForThePressView_itIsAnsweredBeforeSpringMvcWithTheControllersHeadersAndBytes()
			throws Exception {
		MvcResult plain = mvc.perform(get("/api/figures").with(user("press").roles("PRESS"))).andReturn();
		// an Accept that needs negotiating goes on to the controller
		MvcResult negotiated = mvc
			.perform(get("/api/figures").with(user("press").roles("PRESS"))
				.header("Accept", "application/json, */*;q=0.5"))
			.andReturn();

		assertThat(plain.getHandler()).as("no handler: Spring MVC never saw it").isNull();
		assertThat(negotiated.getHandler()).as("the controller").isNotNull();
		MockHttpServletResponse fast = plain.getResponse();
		MockHttpServletResponse controller = negotiated.getResponse();
		assertThat(fast.getStatus()).isEqualTo(controller.getStatus()).isEqualTo(200);
		assertThat(fast.getContentAsByteArray()).isEqualTo(controller.getContentAsByteArray());
		assertThat(fast.getHeaderNames()).containsExactlyInAnyOrderElementsOf(controller.getHeaderNames());
		for (String header : controller.getHeaderNames()) {
			assertThat(fast.getHeaderValues(header)).as(header).isEqualTo(controller.getHeaderValues(header));
		}
		MockHttpServletResponse notModified = figures(fast.getHeader("ETag"));
		assertThat(notModified.getStatus()).isEqualTo(304);
		assertThat(notModified.getHeader("ETag")).isEqualTo(fast.getHeader("ETag"));
		assertThat(notModified.getContentLength()).isZero();
		assertThat(mvc.perform(get("/api/figures")).andReturn().getResponse().getStatus()).as("nobody signed in")
			.isEqualTo(401);
	}

	@Test
	void givenAVersionPublishedByAnotherProcess_thePressSeesItWithinTheRefreshAndNeverAnUnverifiedOne()
			throws Exception {
		MockHttpServletResponse first = figures(null);
		String tag = first.getHeader("ETag");
		assertThat(page("/press")).contains(yi(VERIFIED_V1));

		// as `tally run` in another process or another node would: no publish in this one
		publishBeside("unverified", "60999990000.00");
		publishBeside("verified", "61111110000.00");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			MockHttpServletResponse now = figures(tag);
			assertThat(now.getStatus()).isEqualTo(200);
			assertThat(now.getContentAsString()).contains("61111110000.00").doesNotContain("60999990000.00");
			assertThat(now.getHeader("ETag")).isNotEqualTo(tag);
		});
		assertThat(page("/press")).as("its figures shown as published")
			.contains("61111110000.00")
			.doesNotContain("60999990000.00");
	}

	/**
	 * A new version of committed investment written straight into the published figures,
	 * as another process's publish commits it.
	 */
	private void publishBeside(String status, String value) {
		warehouse.jdbc()
			.sql("""
					INSERT INTO publish.figure_version (run_id, as_of, figure_id, version, label, label_en, value, unit,
					                                    display, phrase, phrase_en, status, reasons, sources)
					SELECT run_id + 1000, as_of, figure_id, version + 1, label, label_en, ?, unit, ?, phrase, phrase_en,
					       ?, reasons, sources
					FROM publish.figure_version WHERE figure_id = 'committed_investment' ORDER BY id DESC LIMIT 1""")
			.params(new BigDecimal(value), value, status)
			.update();
	}

	/** GET /api/figures as the press, with If-None-Match when a tag is given. */
	private MockHttpServletResponse figures(String ifNoneMatch) throws Exception {
		var request = get("/api/figures").with(user("press").roles("PRESS"));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/**
	 * Everything the press can read about the year end, as text: the page, the CSV, every
	 * figure's history, and the workbook's cells and chart parts.
	 */
	private String pressReadable() throws Exception {
		StringBuilder text = new StringBuilder(page("/press")).append('\n').append(page("/press/export.csv"));
		for (String figure : List.of("committed_investment", "project_count", "started_projects",
				"completed_investment", "counties_covered")) {
			text.append('\n').append(page("/api/figures/" + figure + "/history"));
		}
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("/press/export.xlsx")))) {
			for (org.apache.poi.ss.usermodel.Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						text.append('\n')
							.append(cell.getCellType() == CellType.NUMERIC
									? BigDecimal.valueOf(cell.getNumericCellValue())
										.setScale(2, RoundingMode.HALF_UP)
										.toPlainString()
									: cell.toString());
					}
				}
				for (XSSFChart chart : ((XSSFSheet) sheet).getDrawingPatriarch() == null ? List.<XSSFChart>of()
						: ((XSSFSheet) sheet).getDrawingPatriarch().getCharts()) {
					text.append('\n').append(chart.getCTChartSpace().xmlText());
				}
			}
		}
		return text.toString();
	}

	/**
	 * The ways the figure and its county's total can be shown: plain, as a double, in 亿元
	 * with two decimals (the county's as a bar's label or title), and the county's in 亿元
	 * as a double (the workbook's by-county cells and chart).
	 */
	private static List<String> forms(BigDecimal figure, BigDecimal county) {
		List<String> forms = new ArrayList<>();
		for (BigDecimal amount : List.of(figure, county)) {
			forms.add(amount.setScale(2).toPlainString());
			forms.add(Double.toString(amount.doubleValue()));
		}
		forms.add(Double.toString(county.movePointLeft(8).doubleValue()));
		forms.add(yi(figure));
		forms.add(" " + yi(county) + " 亿元");
		forms.add(">" + yi(county) + "<");
		return forms;
	}

	private static String yi(BigDecimal yuan) {
		return yuan.divide(new BigDecimal("100000000"), 2, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * The workbook's by-county sheet: county to committed investment, in yuan (the sheet
	 * holds 亿元).
	 */
	private Map<String, BigDecimal> byCounty() throws Exception {
		Map<String, BigDecimal> counties = new LinkedHashMap<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("/press/export.xlsx")))) {
			XSSFSheet sheet = book.getSheet("by county");
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				counties.put(sheet.getRow(r).getCell(0).getStringCellValue(),
						BigDecimal.valueOf(sheet.getRow(r).getCell(1).getNumericCellValue())
							.movePointRight(8)
							.setScale(2, RoundingMode.HALF_UP));
			}
		}
		return counties;
	}

	/**
	 * The year-end ledger with the first numeric committed investment raised by
	 * {@code raise} 万元; its totals row recomputed only when {@code totalsAgree}, or else
	 * the totals check fails. Returns the project's county.
	 */
	private String correctLedger(BigDecimal raise, boolean totalsAgree) throws Exception {
		Path target = inbox.root().resolve(LEDGER);
		try (InputStream in = Files.newInputStream(Path.of("seeds/inbox").resolve(LEDGER));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			XSSFSheet sheet = workbook.getSheet("项目台账");
			String county = null;
			for (Row row : sheet) {
				Cell committed = row.getCell(COMMITTED);
				if (row.getRowNum() > 2 && committed != null && committed.getCellType() == CellType.NUMERIC) {
					committed
						.setCellValue(BigDecimal.valueOf(committed.getNumericCellValue()).add(raise).doubleValue());
					county = row.getCell(COUNTY).getStringCellValue();
					break;
				}
			}
			if (totalsAgree) {
				workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			}
			try (OutputStream out = Files.newOutputStream(target)) {
				workbook.write(out);
			}
			return county;
		}
	}

	private String page(String path) throws Exception {
		return new String(download(path), StandardCharsets.UTF_8);
	}

	private byte[] download(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(user("press").roles("PRESS")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsByteArray();
	}

}
