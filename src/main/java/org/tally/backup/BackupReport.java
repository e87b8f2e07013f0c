package org.tally.backup;

import java.nio.file.Path;

/** A backup written: the archive, its size in bytes and its manifest. */
public record BackupReport(Path file, long bytes, BackupManifest manifest) {
}
