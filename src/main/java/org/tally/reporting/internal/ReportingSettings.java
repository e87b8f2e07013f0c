package org.tally.reporting.internal;

import java.util.List;
import java.util.Map;

/**
 * config/reporting.yml: the periods and counties the reporting schema's dimensions list,
 * and the summaries kept for charts over millions of rows.
 */
public record ReportingSettings(Periods periods, Counties counties, List<Summary> summaries) {

	public ReportingSettings {
		periods = periods == null ? new Periods(0, -1, List.of()) : periods;
		counties = counties == null ? new Counties(null, null, Map.of()) : counties;
		summaries = summaries == null ? List.of() : List.copyOf(summaries);
	}

	/**
	 * A per-load aggregate of a dataset kept at promotion: reporting.&lt;name&gt; sums
	 * {@code sum} by period and the {@code by} columns over current loads.
	 */
	public record Summary(String name, String label, String dataset, List<String> by, List<String> sum) {

		public Summary {
			by = by == null ? List.of() : List.copyOf(by);
			sum = sum == null ? List.of() : List.copyOf(sum);
		}

	}

	/** Every year from {@code from} to {@code to}, one period per declared end. */
	public record Periods(int from, int to, List<End> ends) {

		public Periods {
			ends = ends == null ? List.of() : List.copyOf(ends);
		}

	}

	/** One period end of a year: "06-30", 上半年, quarter 2, "{year}年上半年". */
	public record End(String monthDay, String half, int quarter, String label) {
	}

	/** The counties of {@code vocabulary} with their administrative division codes. */
	public record Counties(String vocabulary, City city, Map<String, String> codes) {

		public Counties {
			codes = codes == null ? Map.of() : codes;
		}

	}

	/** The city the counties belong to. */
	public record City(String name, String code) {
	}

}
