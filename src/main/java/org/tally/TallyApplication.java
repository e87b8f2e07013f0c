package org.tally;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.tally.operate.TallyCommandLine;

/**
 * Spring Boot entry point: the application context shared by the CLI, the scheduler and
 * the web.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TallyApplication {

	public static void main(String[] args) {
		System.exit(TallyCommandLine.execute(TallyApplication.class, args));
	}

}
