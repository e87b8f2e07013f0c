package org.tally.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The newest archive in the backup folder: its size, when it was written, and whether it
 * is older than the console's warning age.
 */
public record LastBackup(Path file, long bytes, Instant writtenAt, Duration age, boolean stale) {
}
