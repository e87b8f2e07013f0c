package org.tally.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.WarehouseProbe;

/**
 * Two `tally serve` processes, each with its Quartz scheduler on the one clustered job
 * store, and a schedule that fires every ten seconds: every fire must be taken by exactly
 * one of them.
 */
final class TwoSchedulers extends AgainstCleanRun {

	private static final Pattern FIRED = Pattern
		.compile("schedule=every-ten-seconds fired for \\S+ \\(scheduled ([^,)]+)");

	TwoSchedulers(Map<String, String> clean) {
		super(clean, "two-schedulers", "two schedulers, one clustered trigger",
				"two `tally serve` processes (two nodes' Quartz schedulers on one job store) and a schedule firing every 10 s",
				"every fire is taken by exactly one node; the first loads the inbox, later ones find the night done;"
						+ " the warehouse equals the clean run's");
	}

	@Override
	long inject(Installation it, List<String> differences, List<String> notes) throws Exception {
		Map<String, String> schedules = it.schedule("every-ten-seconds",
				"Fires every ten seconds, so that the two nodes have several fires to compete for.", "0/10 * * * * ?");
		List<ChildTally> nodes = List.of(it.start("node-a", schedules, "serve", "--port", "0"),
				it.start("node-b", schedules, "serve", "--port", "0"));
		Map<String, List<String>> fires = new TreeMap<>();
		try (WarehouseProbe probe = it.probe()) {
			Await.until(Duration.ofMinutes(4), Duration.ofMillis(500), () -> nodes.stream().allMatch(ChildTally::alive),
					() -> {
						fires.clear();
						fires.putAll(fires(nodes));
						return fires.size() >= 4 && settled(probe);
					});
		}
		for (ChildTally node : nodes) {
			if (!node.alive()) {
				differences.add("a node ended early: " + node.verdict());
			}
			node.kill();
		}
		fires.forEach((time, takenBy) -> {
			if (takenBy.size() != 1) {
				differences.add("the fire scheduled " + time + " was taken by " + takenBy);
			}
		});
		if (fires.size() < 4) {
			differences.add("only " + fires.size() + " fires were seen in four minutes");
		}
		notes.add(fires.size() + " fires, each by one node: "
				+ fires.values()
					.stream()
					.map(t -> t.get(0))
					.collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting())));
		return it.compareWithClean(clean, differences) + fires.size();
	}

	/** The nodes that took each fire, by its scheduled time, as their logs tell. */
	private static Map<String, List<String>> fires(List<ChildTally> nodes) {
		Map<String, List<String>> fires = new TreeMap<>();
		for (int n = 0; n < nodes.size(); n++) {
			Matcher m = FIRED.matcher(nodes.get(n).output());
			while (m.find()) {
				fires.computeIfAbsent(m.group(1), t -> new ArrayList<>()).add(n == 0 ? "node-a" : "node-b");
			}
		}
		return fires;
	}

	/** No run is under way and the large ledger is loaded once. */
	private static boolean settled(WarehouseProbe probe) throws Exception {
		return probe.count("SELECT count(*) FROM batch_job_execution WHERE status IN ('STARTING', 'STARTED')") == 0
				&& probe.count("SELECT count(*) FROM registry.load WHERE file_path = ? AND status = 'loaded'",
						FaultHarness.BIG_LEDGER) == 1;
	}

}
