package org.tally.pipeline;

/** An execution left STARTED by a dead process and marked FAILED, with the reason why. */
public record StaleRun(long runId, long executionId, String reason) {
}
