package org.tally.operate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;

import org.junit.jupiter.api.Test;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.TallyTest;
import org.tally.support.TestInbox;
import org.tally.support.TestWarehouse;

/**
 * Given a loaded warehouse, inspecting a file of its inbox registers nothing and changes
 * no row: the registry and the warehouse hold what they held.
 */
@TallyTest
class InspectChangesNothingTest {

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	TestInbox inbox;

	@Autowired
	TestWarehouse warehouse;

	@Test
	void givenTheSeedsLoaded_inspectingAnInboxFileLeavesRegistryAndWarehouseAsTheyWere() {
		warehouse.reset();
		inbox.clear().withSeeds();
		completedRun(jobs, "inspect-changes-nothing");
		String counts = counts();

		InspectCommandTest.Result result = InspectCommandTest.tally("inspect",
				inbox.root().resolve("finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx").toString(), "--inbox",
				inbox.root().toString(), "--data-dir", "target/it-data");

		assertThat(result.status()).as(result.err()).isIn(0, 5);
		assertThat(counts()).isEqualTo(counts);
	}

	private String counts() {
		return warehouse.count("SELECT count(*) FROM registry.load") + " loads, "
				+ warehouse.count("SELECT count(*) FROM registry.reject") + " rejects, "
				+ warehouse.count("SELECT count(*) FROM warehouse.projects") + " projects, "
				+ warehouse.count("SELECT count(*) FROM warehouse.health_activities") + " health rows";
	}

}
