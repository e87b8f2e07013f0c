package org.tally.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tally.TallyApplication;

/**
 * An integration test on the real stack: the embedded PostgreSQL (its own data directory
 * under target/), the project's config/ and a test inbox the test fills. All such tests
 * share one application context; {@link TestWarehouse#reset()} gives each test an empty
 * warehouse.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TallyApplication.class,
		properties = { "tally.db.data-dir=target/it-data", "tally.ingest.inbox=target/it-inbox",
				"tally.config-dir=config", "tally.log-dir=target/logs", "logging.level.org.tally=WARN" })
@Import(TestSupportConfiguration.class)
public @interface TallyTest {

}
