package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.tally.support.TallyTest;

/**
 * Given no archive in the backup folder, the runs page says so in its last-backup line,
 * flagged, and points to the command that writes one.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class LastBackupLineTest {

	@Autowired
	MockMvc mvc;

	@Test
	void givenNoBackupYet_theRunsPageFlagsItAndNamesTheCommand() throws Exception {
		String page = mvc.perform(get("/").with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"last-backup\"").contains("none yet").contains("tally backup");
	}

}
