package org.tally.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given a benchmark's measures, the report states the night's rate against one large
 * ledger's, as text and in the JSON document.
 */
class BenchmarkReportTest {

	private static BenchmarkReport report(BenchmarkReport.Measure night) {
		BenchmarkReport report = new BenchmarkReport(1_000_000, 1, 0, 0,
				List.of(new BenchmarkReport.Measure(Benchmark.TALLY_XLSX, 8.0, 125_000, List.of(8.0))), 1.0, 1.0, 0, 0,
				0, "test", null);
		return night == null ? report : report.withNight(night);
	}

	@Test
	void givenANightAtHalfTheRateOfOneLargeLedger_theRatioIsOneHalfAndInTheJson() {
		BenchmarkReport report = report(new BenchmarkReport.Measure("realistic night", 4.0, 62_500, List.of(4.0)));

		assertThat(report.nightToLargeFileRatio()).isEqualTo(0.5);
		assertThat(JsonMapper.builder().build().writeValueAsString(report)).contains("\"nightToLargeFileRatio\":0.5");
	}

	@Test
	void givenNoNightMeasured_thereIsNoRatio() {
		assertThat(report(null).nightToLargeFileRatio()).isNull();
	}

	@Test
	void givenSizesWhoseLiveHeapIsFlat_theHeapTargetIsMetHoweverFullTheSampledHeapGot() {
		ScaleReport scale = ScaleReport
			.of(List.of(size(100_000, 100, 40), size(1_000_000, 160, 42), size(5_000_000, 240, 43)));

		assertThat(scale.peakHeapSpreadPercent()).isEqualTo(140.0);
		assertThat(scale.peakHeapAfterGcSpreadPercent()).isEqualTo(7.5);
		assertThat(scale.heapTargetMet()).isTrue();
	}

	@Test
	void givenSizesWhoseLiveHeapGrowsByAFifth_theHeapTargetIsMissed() {
		ScaleReport scale = ScaleReport.of(List.of(size(1_000_000, 100, 40), size(5_000_000, 100, 48)));

		assertThat(scale.peakHeapAfterGcSpreadPercent()).isEqualTo(20.0);
		assertThat(scale.heapTargetMet()).isFalse();
	}

	/** One size's report with its sampled and live heap peaks, in MB. */
	private static BenchmarkReport size(int rows, long sampledMb, long liveMb) {
		List<BenchmarkReport.Measure> measures = List.of(
				new BenchmarkReport.Measure(Benchmark.TALLY_XLSX, rows / 100_000.0, 100_000, List.of(rows / 100_000.0)),
				new BenchmarkReport.Measure(Benchmark.TALLY_CSV, rows / 200_000.0, 200_000, List.of(rows / 200_000.0)));
		return new BenchmarkReport(rows, 1, 0, 0, measures, 1.0, 1.0, sampledMb << 20, sampledMb << 20, 0, "test", null)
			.withRowsAndHeap(List.of(), liveMb << 20, liveMb << 20);
	}

}
