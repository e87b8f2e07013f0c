package org.tally.warehouse;

/** What the promotion step did with the loads a run staged. */
public record PromotionSummary(int loadsPromoted, int loadsRejected, long rowsLoaded, long rowsRejected) {
}
