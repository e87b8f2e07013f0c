package org.tally.support;

import org.junit.jupiter.api.BeforeEach;

/**
 * An integration test on the seed inbox (every department's sample files) and an empty
 * warehouse.
 */
public abstract class SeedInboxTest extends InboxRunTest {

	@BeforeEach
	protected void seedInbox() {
		inbox.withSeeds();
	}

}
