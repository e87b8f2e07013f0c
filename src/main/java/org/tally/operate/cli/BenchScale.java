package org.tally.operate.cli;

import java.io.PrintWriter;
import org.tally.bench.BenchmarkReport;
import org.tally.bench.ScaleReport;

/**
 * `tally bench --scale`'s table: seconds per million rows and peak heap by size, and
 * whether linearity's targets were met.
 */
final class BenchScale {

	private BenchScale() {
	}

	static void print(ScaleReport report, PrintWriter out) {
		BenchmarkReport first = report.sizes().get(0);
		out.printf("%d repetitions (median), max heap %d MB, %s%n", first.repetitions(), first.maxHeapBytes() >> 20,
				first.machine());
		report.sizes().forEach(size -> size.notes().forEach(out::println));
		TextTable table = new TextTable("rows", "XLSX s/M rows", "CSV s/M rows", "parse-only s/M", "COPY-only s/M",
				"peak heap XLSX/CSV (sampled)", "live heap XLSX/CSV");
		for (BenchmarkReport size : report.sizes()) {
			table.row(String.format("%,d", size.rows()), perMillion(size, "Tally end to end (XLSX)"),
					perMillion(size, "Tally end to end (CSV)"), perMillion(size, "parse-only (fastexcel-reader, XLSX)"),
					perMillion(size, "COPY-only (PostgreSQL, CSV)"),
					megabytes(size.peakHeapBytesTallyXlsx(), size.peakHeapBytesTallyCsv()),
					megabytes(size.peakHeapAfterGcBytesTallyXlsx(), size.peakHeapAfterGcBytesTallyCsv()));
		}
		out.print(table);
		if (report.sizes().size() >= 2) {
			int largest = report.sizes().get(report.sizes().size() - 1).rows();
			int next = report.sizes().get(report.sizes().size() - 2).rows();
			out.printf("s per M rows at %,d vs %,d: XLSX %.2f, CSV %.2f (target at most %.2f: %s)%n", largest, next,
					report.xlsxSecondsRatio(), report.csvSecondsRatio(), ScaleReport.SECONDS_RATIO_TARGET,
					report.secondsTargetMet() ? "met" : "missed");
		}
		out.printf("peak heap spread over the sizes: %s sampled, %s live (target within %.0f%% live: %s)%n",
				percent(report.peakHeapSpreadPercent()), percent(report.peakHeapAfterGcSpreadPercent()),
				ScaleReport.HEAP_SPREAD_TARGET_PERCENT, report.heapTargetMet() ? "met" : "missed");
	}

	private static String perMillion(BenchmarkReport size, String measure) {
		return String.format("%.2f", size.measure(measure).secondsPerMillionRows());
	}

	private static String percent(Double spread) {
		return spread == null ? "-" : String.format("%.0f%%", spread);
	}

	private static String megabytes(long xlsx, long csv) {
		return (xlsx >> 20) + " / " + (csv >> 20) + " MB";
	}

}
