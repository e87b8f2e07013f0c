package org.tally.bench;

import java.util.List;

/**
 * What `tally bench` measured: rows per second (median of the repetitions), memory, and
 * the time to check a 20,000-character press draft.
 */
public record BenchmarkReport(int rows, int repetitions, long xlsxBytes, long maxHeapBytes, List<Measure> measures,
		double xlsxToParseRatio, double csvToCopyRatio, long peakHeapBytesTallyXlsx, long peakHeapBytesTallyCsv,
		long peakRssBytes, String machine, Measure night, Measure claims, ProgressCost progress) {

	public BenchmarkReport(int rows, int repetitions, long xlsxBytes, long maxHeapBytes, List<Measure> measures,
			double xlsxToParseRatio, double csvToCopyRatio, long peakHeapBytesTallyXlsx, long peakHeapBytesTallyCsv,
			long peakRssBytes, String machine, Measure night) {
		this(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio, csvToCopyRatio,
				peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, night, null, null);
	}

	public BenchmarkReport withNight(Measure measure) {
		return new BenchmarkReport(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio,
				csvToCopyRatio, peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, measure, claims,
				progress);
	}

	/** The report with what progress costs ({@link ProgressCost}). */
	public BenchmarkReport withProgressCost(ProgressCost cost) {
		return new BenchmarkReport(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio,
				csvToCopyRatio, peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, night, claims,
				cost);
	}

	/**
	 * The report with the time to check a 20,000-character draft ({@link ClaimBench}).
	 */
	public BenchmarkReport withClaims(Measure measure) {
		return new BenchmarkReport(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio,
				csvToCopyRatio, peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, night, measure,
				progress);
	}

	/**
	 * The CSV run end to end with the reader's progress counters off and on, measured in
	 * turns; {@code percent} is the median time's change, what progress costs (within the
	 * machine's noise).
	 */
	public record ProgressCost(Measure off, Measure on, double percent) {

		public ProgressCost(Measure off, Measure on) {
			this(off, on, (on.medianSeconds() - off.medianSeconds()) / off.medianSeconds() * 100);
		}

	}

	/** One measured path: its median time and rate, and every repetition's time. */
	public record Measure(String name, double medianSeconds, double rowsPerSecond, List<Double> seconds) {
	}
}
