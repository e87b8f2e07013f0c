package org.tally.bench;

import java.util.List;

/**
 * What `tally bench` measured: rows per second (median of the repetitions), memory, and
 * the time to check a 20,000-character press draft.
 */
public record BenchmarkReport(int rows, int repetitions, long xlsxBytes, long maxHeapBytes, List<Measure> measures,
		double xlsxToParseRatio, double csvToCopyRatio, long peakHeapBytesTallyXlsx, long peakHeapBytesTallyCsv,
		long peakRssBytes, String machine, Measure night, Measure claims) {

	public BenchmarkReport(int rows, int repetitions, long xlsxBytes, long maxHeapBytes, List<Measure> measures,
			double xlsxToParseRatio, double csvToCopyRatio, long peakHeapBytesTallyXlsx, long peakHeapBytesTallyCsv,
			long peakRssBytes, String machine, Measure night) {
		this(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio, csvToCopyRatio,
				peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, night, null);
	}

	public BenchmarkReport withNight(Measure measure) {
		return new BenchmarkReport(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio,
				csvToCopyRatio, peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, measure, claims);
	}

	/**
	 * The report with the time to check a 20,000-character draft ({@link ClaimBench}).
	 */
	public BenchmarkReport withClaims(Measure measure) {
		return new BenchmarkReport(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio,
				csvToCopyRatio, peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, night, measure);
	}

	/** One measured path: its median time and rate, and every repetition's time. */
	public record Measure(String name, double medianSeconds, double rowsPerSecond, List<Double> seconds) {
	}
}
