package org.tally.backup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where backups go ({@code tally.backup.dir}), how many archives the scheduled backup
 * keeps, and the age past which the console warns that the last backup is old.
 */
@ConfigurationProperties("tally.backup")
public record BackupProperties(@DefaultValue("./backups") Path dir, @DefaultValue("7") int keep,
		@DefaultValue("2d") Duration warnAfter) {
}
