package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tally.support.TallyTest;

/**
 * Given a run's rejects downloaded as a workbook, the operator gets the whole workbook
 * and the server keeps no copy of it in its temporary directory.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class RejectsDownloadTest {

	private static final long RUN = 918_273_645L;

	@Autowired
	MockMvc mvc;

	@Test
	void givenTheRejectsWorkbookDownloaded_noTemporaryCopyIsLeftBehind() throws Exception {
		MvcResult started = mvc.perform(get("/runs/" + RUN + "/rejects.xlsx").with(user("operator").roles("OPERATOR")))
			.andReturn();
		MockHttpServletResponse response = started.getRequest().isAsyncStarted()
				? mvc.perform(asyncDispatch(started)).andReturn().getResponse() : started.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains("rejects-run-" + RUN + ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("运行 " + RUN);
		}
		try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			assertThat(temporary.map(p -> p.getFileName().toString()))
				.noneMatch(name -> name.startsWith("tally-rejects-" + RUN + "-"));
		}
	}

}
