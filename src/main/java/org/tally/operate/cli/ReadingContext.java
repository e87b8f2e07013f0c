package org.tally.operate.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a read-only command's context lazy, and leaves every auto-configuration out of it
 * but those a reading command reads with: a lazy context makes no bean it is not asked
 * for, but still parses every configuration class and evaluates its conditions (the
 * actuator, metrics, web, security, Quartz), which was a fifth of a `tally figures`
 * (docs/performance.md, "Start-up of a command"). The configuration files' excluded
 * auto-configurations stay excluded.
 */
final class ReadingContext implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	/**
	 * The database and its migration, JDBC, transactions, JSON, and Spring Batch's job
	 * repository (the run history); the property support every context has.
	 */
	static final Set<String> READING_AUTO_CONFIGURATIONS = Set.of(
			"org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
			"org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration",
			"org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
			"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
			"org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
			"org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		Set<String> excluded = new LinkedHashSet<>(
				Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		for (String candidate : ImportCandidates.load(AutoConfiguration.class, ReadingContext.class.getClassLoader())) {
			if (!READING_AUTO_CONFIGURATIONS.contains(candidate)) {
				excluded.add(candidate);
			}
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("tally-reading",
					Map.of(EXCLUDE, String.join(",", excluded), "spring.main.lazy-initialization", "true")));
	}

}
