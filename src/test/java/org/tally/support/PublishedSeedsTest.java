package org.tally.support;

import org.junit.jupiter.api.BeforeEach;

/**
 * An integration test that starts where the press office does: the seed inbox run once,
 * completed, and its figures published and verified for the year end.
 */
public abstract class PublishedSeedsTest extends SeedInboxTest {

	@BeforeEach
	protected void runOnTheSeeds() {
		Runs.completedRun(jobs, "published-seeds");
	}

}
