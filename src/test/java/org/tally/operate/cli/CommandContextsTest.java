package org.tally.operate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.TallyApplication;
import org.tally.figures.FigurePublisher;
import org.tally.pipeline.RunHistory;

/**
 * Given any command but serve, its context starts neither the scheduler nor a web server,
 * yet can reach the schedules; given a read-only command, its context does not even make
 * them, nor a job or a job operator.
 */
class CommandContextsTest {

	@Test
	void givenACliCommand_noSchedulerRunsAndNoPortIsOpened() throws Exception {
		try (ConfigurableApplicationContext context = CommandContexts.start(testLocations(), false)) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler.isStarted()).isFalse();
			assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
			assertThat(scheduler.getMetaData().getJobStoreClass().getName())
				.isEqualTo("org.springframework.scheduling.quartz.LocalDataSourceJobStore");
		}
	}

	@Test
	void givenAReadOnlyCommand_itsContextMakesNoSchedulerNoJobAndNoWebServer() throws Exception {
		try (ConfigurableApplicationContext context = CommandContexts.startReading(testLocations())) {
			context.getBean(FigurePublisher.class).latest(null);
			context.getBean(RunHistory.class).history(5);

			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(made(context, Scheduler.class)).isEmpty();
			assertThat(made(context, JobOperator.class)).isEmpty();
			assertThat(made(context, Job.class)).isEmpty();
			assertThat(made(context, WebServer.class)).isEmpty();
			assertThat(made(context, Flyway.class)).isNotEmpty();
			assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
			assertThat(context.getBeanNamesForType(HealthContributorRegistry.class)).isEmpty();
		}
	}

	@Test
	void givenTheReadingAutoConfigurations_eachIsOneSpringBootOffers() {
		List<String> offered = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates();

		assertThat(offered).containsAll(ReadingContext.READING_AUTO_CONFIGURATIONS);
	}

	/** The test installation's locations, as the command line would set them. */
	private static LocationOptions testLocations() {
		LocationOptions locations = new LocationOptions(TallyApplication.class);
		locations.dataDir = Path.of("target/it-data");
		locations.inbox = Path.of("target/it-inbox");
		locations.configDir = Path.of("config");
		return locations;
	}

	/** The beans of {@code type} the context has made so far. */
	private static List<String> made(ConfigurableApplicationContext context, Class<?> type) {
		ConfigurableListableBeanFactory beans = context.getBeanFactory();
		return Arrays.stream(beans.getBeanNamesForType(type, true, false)).filter(beans::containsSingleton).toList();
	}

}
