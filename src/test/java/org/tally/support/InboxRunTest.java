package org.tally.support;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.operate.Actor;

/**
 * An integration test that fills the inbox and runs the pipeline on it: each test starts
 * from an empty warehouse and an empty inbox (a test that wants the seed files adds
 * them).
 */
public abstract class InboxRunTest {

	/** The reporting period the tests' ledgers are for unless they say otherwise. */
	protected static final LocalDate DECEMBER = LocalDate.of(2024, 12, 31);

	@Autowired
	protected JobOperatorTestUtils jobs;

	@Autowired
	protected TestInbox inbox;

	@Autowired
	protected TestWarehouse warehouse;

	@BeforeEach
	protected void emptyWarehouseAndInbox() {
		warehouse.reset();
		inbox.clear();
	}

	/**
	 * A command-line user of a name no earlier test has used: the audit table outlives
	 * the warehouse reset.
	 */
	protected static Actor newCliActor(String name, String host) {
		return new Actor(name + "-" + System.nanoTime(), host, "cli");
	}

}
