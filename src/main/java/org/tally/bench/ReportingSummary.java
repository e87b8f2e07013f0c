package org.tally.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times what an analyst's first chart asks of the reporting warehouse: committed
 * investment by county and period, once summed over the rows of reporting.projects
 * (docs/reporting.md, query 1) and once read from the summary kept at promotion
 * (reporting.projects_by_county), on the warehouse the benchmark has just consolidated.
 */
public final class ReportingSummary {

	static final String OVER_ROWS = """
			SELECT p.period, c.code, p.county, sum(p.committed_investment)
			FROM reporting.projects p JOIN reporting.county c ON c.name = p.county
			GROUP BY p.period, c.code, p.county""";

	static final String KEPT = """
			SELECT s.period, c.code, s.county, s.committed_investment
			FROM reporting.projects_by_county s JOIN reporting.county c ON c.name = s.county""";

	private ReportingSummary() {
	}

	/** Both ways: the rows summed, then the kept summary. */
	public static List<BenchmarkReport.Measure> time(JdbcClient jdbc, int rows, int repetitions) {
		return List.of(time(jdbc, OVER_ROWS, "reporting summary (county x period, SQL)", rows, repetitions),
				time(jdbc, KEPT, "reporting summary (county x period, kept at promotion)", rows, repetitions));
	}

	/** The median of {@code repetitions} runs of the query, after one untimed run. */
	private static BenchmarkReport.Measure time(JdbcClient jdbc, String query, String name, int rows, int repetitions) {
		jdbc.sql(query).query().listOfRows();
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < Math.max(1, repetitions); i++) {
			long start = System.nanoTime();
			jdbc.sql(query).query().listOfRows();
			seconds.add((System.nanoTime() - start) / 1e9);
		}
		return BenchmarkReport.Measure.of(name, rows, seconds);
	}

}
