package org.tally.operate.health;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tally.support.TallyTest;

/**
 * Given a free-disk floor above what any disk has, `/actuator/health` of the running
 * application answers 503 DEGRADED, as a load balancer or monitor would see it.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
@TestPropertySource(properties = "tally.health.min-free-disk=1000000TB")
class DiskHealthEndpointTest {

	@Autowired
	MockMvc mvc;

	@Test
	void givenLessFreeDiskThanTheFloor_theHealthEndpointAnswers503Degraded() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DEGRADED"));
	}

}
