package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given a run, {@code GET /api/runs/{id}/progress} tells a script its status, the step it
 * is in and how far each of its files got; an unknown run is not found.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class RunProgressApiTest extends SeedInboxTest {

	@Autowired
	MockMvc mvc;

	@Test
	void givenACompletedSeedRun_itsProgressHasNoStepAndEveryFileReadWhole() throws Exception {
		long run = jobs
			.startJob(new JobParametersBuilder().addString("trigger", "test:progress:" + System.nanoTime())
				.toJobParameters())
			.getJobInstance()
			.getInstanceId();

		MockHttpServletResponse response = progress(run);

		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode progress = JsonMapper.builder().build().readTree(response.getContentAsString());
		assertThat(progress.get("runId").asLong()).isEqualTo(run);
		assertThat(progress.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(progress.get("running").asBoolean()).isFalse();
		assertThat(progress.get("finishing").asBoolean()).as("the run lock is let go").isFalse();
		assertThat(progress.has("step")).as("no step runs any more").isFalse();
		assertThat(progress.get("steps")).extracting(step -> step.get("name").asString())
			.containsExactly("prepareDatasetTablesStep", "gatherSourceFilesStep", "ingestSourceFilesStep",
					"promoteLoadsStep", "reconcileChecksStep", "publishFiguresStep");
		assertThat(progress.get("steps").get(3).get("written").asLong()).as("rows promoted").isEqualTo(454);
		assertThat(progress.get("files")).hasSize(8).allSatisfy(file -> {
			assertThat(file.get("status").asString()).isEqualTo("loaded");
			assertThat(file.get("percent").asDouble()).isEqualTo(100.0);
			assertThat(file.get("sizeBytes").asLong()).isPositive();
		});
	}

	@Test
	void givenAnUnknownRun_itsProgressIsNotFound() throws Exception {
		assertThat(progress(999_999).getStatus()).isEqualTo(404);
	}

	private MockHttpServletResponse progress(long run) throws Exception {
		return mvc.perform(get("/api/runs/" + run + "/progress").with(httpBasic("operator", "operator")))
			.andReturn()
			.getResponse();
	}

}
