package org.tally.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tally.ingest.workbook.ReadLimits;

/**
 * Given {@code tally.ingest.*} settings, the readers get the limits they name and the
 * defaults of {@link ReadLimits} for the rest.
 */
class IngestPropertiesTest {

	private static IngestProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("tally.ingest",
				IngestProperties.class);
	}

	@Test
	void givenNoSettings_theReadersGetTheDefaultLimits() {
		assertThat(bind(Map.of()).readLimits()).isEqualTo(ReadLimits.defaults());
		assertThat(new IngestProperties(null, ReadLimits.DEFAULT_MAX_FILE_BYTES).readLimits())
			.isEqualTo(ReadLimits.defaults());
	}

	@Test
	void givenEveryLimitSet_theReadersGetThem() {
		IngestProperties properties = bind(
				Map.of("tally.ingest.max-file-bytes", "1000", "tally.ingest.limits.max-cell-chars", "10",
						"tally.ingest.limits.max-columns", "20", "tally.ingest.limits.max-rows", "30",
						"tally.ingest.limits.max-shared-string-chars", "40", "tally.ingest.limits.max-row-chars", "50",
						"tally.ingest.limits.max-part-bytes", "60", "tally.ingest.limits.max-sheets", "70",
						"tally.ingest.limits.max-number-formats", "80", "tally.ingest.limits.max-xls-bytes", "90"));

		assertThat(properties.readLimits()).isEqualTo(new ReadLimits(1000, 10, 20, 30, 40, 50, 60, 70, 80, 90));
	}

}
