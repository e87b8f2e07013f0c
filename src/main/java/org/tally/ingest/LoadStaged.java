package org.tally.ingest;

/**
 * Published inside the transaction that marks a load staged (all its rows read): whoever
 * writes the rows must have them committed before that transaction commits, or a crash
 * could leave a load marked staged without its rows.
 */
public record LoadStaged(long loadId, long runId) {
}
