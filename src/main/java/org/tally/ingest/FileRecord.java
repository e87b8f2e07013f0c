package org.tally.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One sighting of a file, as `tally files` lists it. */
public record FileRecord(long loadId, long runId, String sourceId, String department, String dataset, String filePath,
		LocalDate period, String sha256, long sizeBytes, LoadStatus status, String reason, Integer rowsRead,
		Integer rowsLoaded, Integer rowsRejected, boolean current, OffsetDateTime seenAt) {
}
