package org.tally.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tally.TallyApplication;

/**
 * A browser test of the pages: the real stack of {@link TallyTest} served on a free port,
 * with the demo users operator/operator and press/press, a scrape token for the metrics,
 * and the pipeline's INFO lines in the JSON log (the same target/logs as
 * {@link TallyTest}: logging is set up once per JVM) so a run's page has its log to show.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tally.db.data-dir=target/it-data", "tally.ingest.inbox=target/it-inbox",
				"tally.config-dir=config", "tally.log-dir=target/logs", "logging.level.org.tally=INFO",
				"tally.metrics.scrape-token=" + TallyWebTest.SCRAPE_TOKEN })
@ActiveProfiles("demo")
@Import(TestSupportConfiguration.class)
public @interface TallyWebTest {

	/**
	 * The monitoring system's token for /actuator/prometheus
	 * (tally.metrics.scrape-token).
	 */
	String SCRAPE_TOKEN = "test-scrape-token-0123456789abcdef0123456789abcdef";

}
