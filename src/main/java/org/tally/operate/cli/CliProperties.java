package org.tally.operate.cli;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the command line shows a run's progress when its output is not a terminal (cron,
 * CI, a pipe): a plain line every {@code tally.cli.progress-interval}.
 */
@ConfigurationProperties("tally.cli")
record CliProperties(@DefaultValue("10s") Duration progressInterval) {
}
