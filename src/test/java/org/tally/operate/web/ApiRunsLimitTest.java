package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.tally.support.TallyTest;
import org.tally.support.TestWarehouse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given more runs than one request may list, {@code GET /api/runs?limit=} lists at most
 * 500 of them, and a limit below 1 is a bad request.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class ApiRunsLimitTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestWarehouse warehouse;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void freshInstallation() {
		warehouse.reset();
	}

	@AfterEach
	void emptyHistory() {
		warehouse.reset();
	}

	@Test
	void givenFiveHundredAndOneRuns_aLimitOfAThousandListsFiveHundred() throws Exception {
		finishedRuns(501);

		MockHttpServletResponse capped = runs("1000");
		MockHttpServletResponse few = runs("7");

		assertThat(capped.getStatus()).isEqualTo(200);
		assertThat(json.readTree(capped.getContentAsString()).size()).isEqualTo(ApiController.MAX_RUNS).isEqualTo(500);
		assertThat(json.readTree(few.getContentAsString()).size()).isEqualTo(7);
	}

	@Test
	void givenALimitOfZeroOrLess_theRequestIsAnswered400() throws Exception {
		assertThat(runs("0").getStatus()).isEqualTo(400);
		assertThat(runs("-5").getStatus()).isEqualTo(400);
	}

	/**
	 * Finished runs as Spring Batch records them, written in two statements: through the
	 * job repository, 501 runs took longer than the test.
	 */
	private void finishedRuns(int count) {
		warehouse.jdbc().sql("""
				INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key)
				SELECT nextval('batch_job_instance_seq'), 0, 'nightlyConsolidationJob', md5('limit-' || g)
				FROM generate_series(1, ?) g""").param(count).update();
		warehouse.jdbc().sql("""
				INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
				                                 end_time, status, exit_code, exit_message, last_updated)
				SELECT nextval('batch_job_execution_seq'), 1, job_instance_id, now(), now(), now(), 'COMPLETED',
				       'COMPLETED', '', now()
				FROM batch_job_instance""").update();
	}

	private MockHttpServletResponse runs(String limit) throws Exception {
		return mvc.perform(get("/api/runs").param("limit", limit).with(httpBasic("operator", "operator")))
			.andReturn()
			.getResponse();
	}

}
