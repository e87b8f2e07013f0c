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

}
