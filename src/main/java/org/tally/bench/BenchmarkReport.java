package org.tally.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What `tally bench` measured: rows per second and seconds per million rows (median of
 * the repetitions), memory, and the time to check a 20,000-character press draft.
 * {@code notes} say how rows beyond one sheet were measured. The peak heap is sampled
 * through the timed repetitions, garbage included; the heap after GC is the live heap,
 * its peak right after the full collections forced through one more, untimed, run.
 */
public record BenchmarkReport(int rows, int repetitions, long xlsxBytes, long maxHeapBytes, List<Measure> measures,
		double xlsxToParseRatio, double csvToCopyRatio, long peakHeapBytesTallyXlsx, long peakHeapBytesTallyCsv,
		long peakRssBytes, String machine, Measure night, Measure claims, ProgressCost progress, List<String> notes,
		long peakHeapAfterGcBytesTallyXlsx, long peakHeapAfterGcBytesTallyCsv) {

	public BenchmarkReport(int rows, int repetitions, long xlsxBytes, long maxHeapBytes, List<Measure> measures,
			double xlsxToParseRatio, double csvToCopyRatio, long peakHeapBytesTallyXlsx, long peakHeapBytesTallyCsv,
			long peakRssBytes, String machine, Measure night) {
		this(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio, csvToCopyRatio,
				peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, night, null, null, List.of(), -1,
				-1);
	}

	public BenchmarkReport withNight(Measure measure) {
		return new BenchmarkReport(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio,
				csvToCopyRatio, peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, measure, claims,
				progress, notes, peakHeapAfterGcBytesTallyXlsx, peakHeapAfterGcBytesTallyCsv);
	}

	/** The report with what progress costs ({@link ProgressCost}). */
	public BenchmarkReport withProgressCost(ProgressCost cost) {
		return new BenchmarkReport(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio,
				csvToCopyRatio, peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, night, claims,
				cost, notes, peakHeapAfterGcBytesTallyXlsx, peakHeapAfterGcBytesTallyCsv);
	}

	/**
	 * The report with the time to check a 20,000-character draft ({@link ClaimBench}).
	 */
	public BenchmarkReport withClaims(Measure measure) {
		return new BenchmarkReport(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio,
				csvToCopyRatio, peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, night, measure,
				progress, notes, peakHeapAfterGcBytesTallyXlsx, peakHeapAfterGcBytesTallyCsv);
	}

	/**
	 * The report with how its rows were measured and the heap each Tally run held after
	 * collections.
	 */
	public BenchmarkReport withRowsAndHeap(List<String> notes, long afterGcXlsx, long afterGcCsv) {
		return new BenchmarkReport(rows, repetitions, xlsxBytes, maxHeapBytes, measures, xlsxToParseRatio,
				csvToCopyRatio, peakHeapBytesTallyXlsx, peakHeapBytesTallyCsv, peakRssBytes, machine, night, claims,
				progress, List.copyOf(notes), afterGcXlsx, afterGcCsv);
	}

	/**
	 * The realistic night's rows per second over one large XLSX ledger's, end to end both
	 * (issue 20's target: at least 0.8); null without a night measured.
	 */
	@JsonProperty
	public Double nightToLargeFileRatio() {
		if (night == null) {
			return null;
		}
		return measures.stream()
			.filter(m -> m.name().equals(Benchmark.TALLY_XLSX))
			.findFirst()
			.map(xlsx -> night.rowsPerSecond() / xlsx.rowsPerSecond())
			.orElse(null);
	}

	/** A measure by its name. */
	public Measure measure(String name) {
		return measures.stream()
			.filter(m -> m.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no measure " + name));
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

	/**
	 * One measured path: its median time and rate, the median's seconds per million rows,
	 * and every repetition's time.
	 */
	public record Measure(String name, double medianSeconds, double rowsPerSecond, List<Double> seconds,
			double secondsPerMillionRows) {

		public Measure(String name, double medianSeconds, double rowsPerSecond, List<Double> seconds) {
			this(name, medianSeconds, rowsPerSecond, seconds, 1e6 / rowsPerSecond);
		}

		/**
		 * The measure of {@code units} (rows, or characters) done once in each of
		 * {@code seconds}: rated by their median.
		 */
		public static Measure of(String name, double units, List<Double> seconds) {
			double median = median(seconds);
			return new Measure(name, median, units / median, List.copyOf(seconds));
		}

		/** The middle time, or the mean of the two middle ones. */
		public static double median(List<Double> seconds) {
			List<Double> sorted = seconds.stream().sorted().toList();
			int n = sorted.size();
			return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		}

	}
}
