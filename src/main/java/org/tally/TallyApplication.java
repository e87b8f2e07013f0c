package org.tally;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Boot entry point: the application context shared by the CLI, the scheduler and the web. */
@SpringBootApplication
public class TallyApplication {
}
