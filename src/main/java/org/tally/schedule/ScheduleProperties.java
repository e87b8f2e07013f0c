package org.tally.schedule;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the schedule files (jobs/*.yml) are. */
@ConfigurationProperties("tally.schedule")
public record ScheduleProperties(@DefaultValue("./jobs") Path dir) {
}
