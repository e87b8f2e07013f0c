package org.tally.pipeline;

/**
 * A run accepted to run in the background: its id (null if not yet created) and its
 * trigger.
 */
public record RunSubmission(Long runId, String trigger, String action) {
}
