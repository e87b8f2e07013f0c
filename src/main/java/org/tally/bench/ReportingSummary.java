package org.tally.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times what an analyst's first chart asks of the reporting warehouse: committed
 * investment by county and period over reporting.projects (docs/reporting.md, query 1),
 * on the warehouse the benchmark has just consolidated.
 */
public final class ReportingSummary {

	static final String QUERY = """
			SELECT p.period, c.code, p.county, sum(p.committed_investment)
			FROM reporting.projects p JOIN reporting.county c ON c.name = p.county
			GROUP BY p.period, c.code, p.county""";

	private ReportingSummary() {
	}

	/** The median of {@code repetitions} runs of the query, after one untimed run. */
	public static BenchmarkReport.Measure time(JdbcClient jdbc, int rows, int repetitions) {
		jdbc.sql(QUERY).query().listOfRows();
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < Math.max(1, repetitions); i++) {
			long start = System.nanoTime();
			jdbc.sql(QUERY).query().listOfRows();
			seconds.add((System.nanoTime() - start) / 1e9);
		}
		List<Double> sorted = seconds.stream().sorted().toList();
		double median = sorted.get(sorted.size() / 2);
		return new BenchmarkReport.Measure("reporting summary (county x period, SQL)", median, rows / median, seconds);
	}

}
