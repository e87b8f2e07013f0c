package org.tally.operate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.TallyApplication;

/**
 * Given any command but serve, its context starts neither the scheduler nor a web server,
 * yet can reach the schedules.
 */
class CommandContextsTest {

	@Test
	void givenACliCommand_noSchedulerRunsAndNoPortIsOpened() throws Exception {
		LocationOptions locations = new LocationOptions(TallyApplication.class);
		locations.dataDir = Path.of("target/it-data");
		locations.inbox = Path.of("target/it-inbox");
		locations.configDir = Path.of("config");

		try (ConfigurableApplicationContext context = CommandContexts.start(locations, false)) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler.isStarted()).isFalse();
			assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
			assertThat(scheduler.getMetaData().getJobStoreClass().getName())
				.isEqualTo("org.springframework.scheduling.quartz.LocalDataSourceJobStore");
		}
	}

}
