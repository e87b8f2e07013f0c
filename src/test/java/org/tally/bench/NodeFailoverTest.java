package org.tally.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Given two `tally serve` nodes on one database and the node running the night killed
 * with SIGKILL mid-load, the other node takes the run over on its own: the same run
 * restarted, within the takeover bound, ending equal to a clean run. Real child processes
 * on the suite-held embedded PostgreSQL, as `tally faults --only node-killed` runs it.
 */
class NodeFailoverTest {

	@Test
	void givenTheNodeRunningTheNightKilledMidLoad_theOtherNodeRestartsTheSameRunAndEndsEqualToACleanRun()
			throws Exception {
		// Under target/, and left there when the test fails: the nodes' logs tell why.
		Path work = Files.createDirectories(Path.of("target/node-failover"));
		List<FaultScenario> results = new FaultSuite(work, Path.of("seeds/inbox"), Path.of("config"), 60_000,
				List.of("node-killed"), line -> {
				})
			.run();

		assertThat(results).extracting(FaultScenario::name)
			.containsExactly("clean run", "the node running the night killed");
		assertThat(results).allSatisfy(
				scenario -> assertThat(scenario.differences()).as(scenario.name() + ": " + scenario.observations())
					.isEmpty());
		assertThat(String.join("\n", results.get(1).observations())).contains("FAILED")
			.contains("COMPLETED")
			.contains("recovered by");
		FileSystemUtils.deleteRecursively(work);
	}

}
