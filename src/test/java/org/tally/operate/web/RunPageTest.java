package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.tally.support.Runs;
import org.tally.support.TallyTest;
import org.tally.support.InboxRunTest;

/**
 * Given a run that rejected 100,000 cells, its page and its rejects page stay small: the
 * count comes from the database and the rejects come a page at a time, by key. Given a
 * file named with a line break, neither the console log nor the run's page shows a line
 * the file's name forged.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class RunPageTest extends InboxRunTest {

	private static final int REJECTS = 100_000;

	/**
	 * A page's bound: 200 rejects of a few hundred bytes each, and the page around them.
	 */
	private static final int MAX_PAGE_BYTES = 200 * 1024;

	private static final Pattern REJECT_ROW = Pattern.compile("<td class=\"mono cell\">C(\\d+)</td>");

	@Autowired
	MockMvc mvc;

	@Test
	void givenAHundredThousandRejects_theRunPageCountsThemAndStaysSmall() throws Exception {
		long runId = runWithRejects(REJECTS);

		MockHttpServletResponse page = page("/runs/" + runId);

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsByteArray().length).isLessThan(MAX_PAGE_BYTES);
		assertThat(page.getContentAsString()).contains("Rejects (100,000)");
	}

	@Test
	void givenAHundredThousandRejects_theRejectsPageShowsTwoHundredAtATimeByKey() throws Exception {
		long runId = runWithRejects(REJECTS);

		MockHttpServletResponse first = page("/runs/" + runId + "/rejects");
		assertThat(first.getContentAsByteArray().length).isLessThan(MAX_PAGE_BYTES);
		assertThat(first.getContentAsString()).contains("100,000 个单元格 cells").doesNotContain("id=\"rejects-previous\"");
		assertThat(rows(first)).hasSize(RunsController.PAGE_SIZE).startsWith(1).endsWith(200);

		MockHttpServletResponse second = page(link(first, "rejects-next"));
		assertThat(rows(second)).hasSize(RunsController.PAGE_SIZE).startsWith(201).endsWith(400);

		MockHttpServletResponse back = page(link(second, "rejects-previous"));
		assertThat(rows(back)).isEqualTo(rows(first));

		String key = warehouse
			.strings("SELECT load_id || '.' || row_number || '.' || id FROM registry.reject" + " WHERE row_number = ?",
					REJECTS - 10)
			.get(0);
		MockHttpServletResponse last = page("/runs/" + runId + "/rejects?after=" + key);
		assertThat(rows(last)).hasSize(10).endsWith(REJECTS);
		assertThat(last.getContentAsString()).doesNotContain("id=\"rejects-next\"").contains("id=\"rejects-previous\"");
	}

	@Test
	void givenAMalformedPageKey_theRejectsPageAnswers400() throws Exception {
		long runId = runWithRejects(1);

		assertThat(page("/runs/" + runId + "/rejects?after=1.x.3").getStatus()).isEqualTo(400);
		assertThat(page("/runs/" + runId + "?log=-1").getStatus()).isEqualTo(400);
	}

	@Test
	void givenAnUnknownRun_itsPageIsNotFound() throws Exception {
		assertThat(page("/runs/999999").getStatus()).isEqualTo(404);
	}

	@Test
	void givenAFileNamedWithALineBreak_theRunPageShowsTheBreakEscaped() throws Exception {
		inbox.copySeed("health/市卫健委_卫生健康对口合作_20241231.csv", "health/evil\r\nWARN forged line.csv");
		long runId = Runs.completedRun(jobs, "line-break-name");

		String page = page("/runs/" + runId).getContentAsString(StandardCharsets.UTF_8);
		String log = page.substring(page.indexOf("id=\"log\""), page.indexOf("</table>", page.indexOf("id=\"log\"")));

		assertThat(log).contains("health/evil\\r\\nWARN forged line.csv").doesNotContain("\nWARN forged line");
	}

	@Test
	void givenAMessageAndAnExceptionWithLineBreaks_theConsoleLogForgesNoLine() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		var console = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
			.getAppender("CONSOLE");
		Exception failure = new IllegalStateException("cannot read evil\r\n12:00:00 ERROR forged",
				new java.io.IOException("disk gone"));
		LoggingEvent event = new LoggingEvent(RunPageTest.class.getName(), context.getLogger("org.tally.ingest"),
				Level.WARN, "run={} file={} quarantined", failure,
				new Object[] { 7, "health/evil\r\nWARN forged line.csv" });

		String printed = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
		List<String> lines = printed.lines().toList();

		assertThat(lines.get(0)).endsWith("WARN  run=7 file=health/evil\\r\\nWARN forged line.csv quarantined");
		assertThat(lines.get(1))
			.isEqualTo("java.lang.IllegalStateException: cannot read evil\\r\\n12:00:00 ERROR forged");
		assertThat(lines).as("the stack trace keeps its lines, printed once")
			.anyMatch(line -> line.startsWith("\tat "))
			.anyMatch(line -> line.startsWith("Caused by: java.io.IOException: disk gone"))
			.filteredOn(line -> line.startsWith("java.lang.IllegalStateException"))
			.hasSize(1);
		assertThat(lines).noneMatch(line -> line.startsWith("WARN forged") || line.startsWith("12:00:00 ERROR"));
	}

	/** A completed run whose first file has {@code count} rejects, rows 1 to count. */
	private long runWithRejects(int count) {
		long runId = Runs.completedRun(jobs, "rejects");
		long loadId = warehouse.jdbc().sql("""
				INSERT INTO registry.load (run_id, source_id, department, dataset, file_path, file_name, sha256,
				                           size_bytes, status, reason)
				VALUES (?, 'finance-projects', 'finance', 'projects', 'finance/big.xlsx', 'big.xlsx', repeat('0', 64),
				        1, 'rejected', 'too many bad rows')
				RETURNING id""").param(runId).query(Long.class).single();
		warehouse.jdbc().sql("""
				INSERT INTO registry.reject (load_id, sheet, row_number, cell_ref, column_name, raw_value,
				                             reason_zh, reason_en, row_values)
				SELECT ?, '项目台账', g, 'C' || g, '投资额', 'x' || g, '不是数字', 'not a number',
				       jsonb_build_object('A' || g, 'JC-' || g, 'C' || g, 'x' || g)
				FROM generate_series(1, ?) g""").param(loadId).param(count).update();
		return runId;
	}

	private MockHttpServletResponse page(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return response;
	}

	/** The row numbers of the rejects a page shows, read from their cell references. */
	private static List<Integer> rows(MockHttpServletResponse page) throws Exception {
		Matcher cell = REJECT_ROW.matcher(page.getContentAsString());
		return cell.results().map(m -> Integer.parseInt(m.group(1))).toList();
	}

	private static String link(MockHttpServletResponse page, String id) throws Exception {
		Matcher href = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(page.getContentAsString());
		assertThat(href.find()).as("a link %s", id).isTrue();
		return href.group(1).replace("&amp;", "&");
	}

}
