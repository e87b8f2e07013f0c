package org.tally.ingest;

/** What the gather step found in the inbox. */
public record GatherSummary(int filesSeen, int newFiles, int duplicates, int quarantined) {
}
