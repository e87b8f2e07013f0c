package org.tally.operate.cli;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application context for one CLI command, with the command line's locations
 * applied.
 */
final class CommandContexts {

	private CommandContexts() {
	}

	static ConfigurableApplicationContext start(LocationOptions options, boolean progress) {
		return start(options.application, options, progress, Map.of(), WebApplicationType.NONE);
	}

	/**
	 * A read-only command's context ({@link ReadingContext}): its beans are made when
	 * first asked for, so that it builds no job, scheduler or mail sender it never uses,
	 * only what it reads with (the database, migrated when behind, and the catalog).
	 */
	static ConfigurableApplicationContext startReading(LocationOptions options) {
		return start(options.application, options, false, Map.of(), WebApplicationType.NONE, new ReadingContext());
	}

	/**
	 * A context of {@code configuration} alone, with the command line's locations and
	 * config applied: no database, no auto-configuration, for commands that only read
	 * files (`tally inspect`).
	 */
	static ConfigurableApplicationContext startWithout(LocationOptions options, Class<?> configuration) {
		return start(configuration, options, false, Map.of(), WebApplicationType.NONE);
	}

	/** A context with extra properties, such as `tally restore`'s Flyway target. */
	static ConfigurableApplicationContext start(LocationOptions options, Map<String, Object> extra) {
		return start(options.application, options, false, extra, WebApplicationType.NONE);
	}

	/**
	 * `tally serve`: the web application on {@code port} and the clustered scheduler,
	 * started.
	 */
	static ConfigurableApplicationContext startServer(LocationOptions options, Integer port) {
		Map<String, Object> server = new HashMap<>();
		server.put("spring.quartz.auto-startup", "true");
		if (port != null) {
			server.put("server.port", port);
		}
		return start(options.application, options, true, server, WebApplicationType.SERVLET);
	}

	private static ConfigurableApplicationContext start(Class<?> sources, LocationOptions options, boolean progress,
			Map<String, Object> extra, WebApplicationType web, ApplicationListener<?>... listeners) {
		Map<String, Object> properties = new HashMap<>(extra);
		if (options.configDir != null) {
			properties.put("tally.config-dir", options.configDir.toString());
			properties.put("spring.config.additional-location",
					"optional:file:" + options.configDir.toAbsolutePath() + "/");
		}
		if (options.inbox != null) {
			properties.put("tally.ingest.inbox", options.inbox.toString());
		}
		if (options.dataDir != null) {
			properties.put("tally.db.data-dir", options.dataDir.toString());
		}
		if (!progress) {
			properties.put("logging.level.org.tally", "WARN");
		}
		// As command-line arguments, these outrank config/application.yml, as an option
		// should.
		String[] args = properties.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(sources).web(web)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.listeners(listeners)
			.run(args);
	}

}
