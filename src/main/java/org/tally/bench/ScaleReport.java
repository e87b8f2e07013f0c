package org.tally.bench;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * `tally bench --scale`: the same measures at several sizes, so that linearity can be
 * read: seconds per million rows at the largest size against the next (target: at most
 * 15% more), and the peak heap's spread over all sizes (target: within 10%), sampled and
 * live. The target is judged on the live heap (right after full collections forced at one
 * pace in every run): the sampled peak, garbage included, grows with a run's length under
 * any collector that collects only when it must.
 */
public record ScaleReport(List<BenchmarkReport> sizes, Double xlsxSecondsRatio, Double csvSecondsRatio,
		Double peakHeapSpreadPercent, Double peakHeapAfterGcSpreadPercent) {

	public static final double SECONDS_RATIO_TARGET = 1.15;

	public static final double HEAP_SPREAD_TARGET_PERCENT = 10;

	public ScaleReport {
		sizes = List.copyOf(sizes);
	}

	/** The sizes' reports, in increasing rows, and what they say of linearity. */
	public static ScaleReport of(List<BenchmarkReport> reports) {
		List<BenchmarkReport> sizes = reports.stream().sorted(Comparator.comparingInt(BenchmarkReport::rows)).toList();
		return new ScaleReport(sizes, secondsRatio(sizes, Benchmark.TALLY_XLSX),
				secondsRatio(sizes, Benchmark.TALLY_CSV),
				spread(sizes, r -> Math.max(r.peakHeapBytesTallyXlsx(), r.peakHeapBytesTallyCsv())),
				spread(sizes, r -> Math.max(r.peakHeapAfterGcBytesTallyXlsx(), r.peakHeapAfterGcBytesTallyCsv())));
	}

	/**
	 * The largest size's seconds per million rows over the next largest's; null for one
	 * size.
	 */
	private static Double secondsRatio(List<BenchmarkReport> sizes, String measure) {
		if (sizes.size() < 2) {
			return null;
		}
		return sizes.get(sizes.size() - 1).measure(measure).secondsPerMillionRows()
				/ sizes.get(sizes.size() - 2).measure(measure).secondsPerMillionRows();
	}

	/**
	 * (largest - smallest) / smallest, in percent, over all sizes; null if some size has
	 * none (no collection while it ran).
	 */
	private static Double spread(List<BenchmarkReport> sizes, ToLongFunction<BenchmarkReport> heap) {
		long min = sizes.stream().mapToLong(heap).min().orElseThrow();
		long max = sizes.stream().mapToLong(heap).max().orElseThrow();
		return min <= 0 ? null : (max - min) * 100.0 / min;
	}

	public boolean secondsTargetMet() {
		return xlsxSecondsRatio != null && xlsxSecondsRatio <= SECONDS_RATIO_TARGET
				&& csvSecondsRatio <= SECONDS_RATIO_TARGET;
	}

	public boolean heapTargetMet() {
		return peakHeapAfterGcSpreadPercent != null && peakHeapAfterGcSpreadPercent <= HEAP_SPREAD_TARGET_PERCENT;
	}

}
