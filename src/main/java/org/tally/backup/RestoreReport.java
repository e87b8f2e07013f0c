package org.tally.backup;

import java.util.List;

/**
 * A restore done: the manifest restored, the rows loaded, the tables the archive had to
 * create itself (those neither Flyway nor the dataset config make), and the migrations
 * applied after the data because this Tally is newer than the archive.
 */
public record RestoreReport(BackupManifest manifest, long rows, List<String> createdFromManifest, int laterMigrations) {
}
