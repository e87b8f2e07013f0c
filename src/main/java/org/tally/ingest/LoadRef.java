package org.tally.ingest;

/**
 * One file being loaded in a run: the registry row it is tracked by, and where it came
 * from.
 */
public record LoadRef(long id, long runId, String sourceId, String dataset, String filePath, String fileName,
		String sha256) {
}
