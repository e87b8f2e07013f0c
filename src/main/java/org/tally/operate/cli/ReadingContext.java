package org.tally.operate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a read-only command's context lazy, and leaves the scheduler out of it: as a
 * lifecycle bean it would be made even in a lazy context. The excluded
 * auto-configurations of the configuration files stay excluded.
 */
final class ReadingContext implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		List<String> excluded = new ArrayList<>(
				Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		excluded.add(QuartzAutoConfiguration.class.getName());
		environment.getPropertySources()
			.addFirst(new MapPropertySource("tally-reading",
					Map.of(EXCLUDE, String.join(",", excluded), "spring.main.lazy-initialization", "true")));
	}

}
