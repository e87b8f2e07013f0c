package org.tally.operate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command takes: where the configuration, the inbox and the data live.
 */
class LocationOptions {

	/**
	 * The Spring Boot application a command starts (the CLI lives inside it, so it is
	 * handed in).
	 */
	final Class<?> application;

	@Option(names = "--config", paramLabel = "DIR",
			description = "configuration directory (sources, datasets, checks, figures); default ./config")
	Path configDir;

	@Option(names = "--inbox", paramLabel = "DIR",
			description = "inbox the departments drop files into; default ./seeds/inbox")
	Path inbox;

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "data directory of the embedded PostgreSQL; default ./data")
	Path dataDir;

	LocationOptions(Class<?> application) {
		this.application = application;
	}

}
