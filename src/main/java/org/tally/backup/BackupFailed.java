package org.tally.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A scheduled backup failed: published as an application event, which notifies like a
 * failed run (operate/notify).
 */
public record BackupFailed(Path dir, String reason, Instant occurredAt) {
}
