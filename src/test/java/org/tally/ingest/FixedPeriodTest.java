package org.tally.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.catalog.Catalog;
import org.tally.catalog.internal.CatalogLoader;
import org.tally.support.ProjectConfig;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;

/**
 * Given a source whose period is fixed in its configuration, every file it reads reports
 * that period.
 */
@TallyTest
class FixedPeriodTest extends InboxRunTest {

	@Autowired
	LoadRegistry registry;

	@Autowired
	IngestProperties properties;

	@TempDir
	Path config;

	@BeforeEach
	void configWithAFixedPeriod() throws IOException {
		ProjectConfig.copyTo(config);
		Path source = config.resolve("sources/finance-projects.yml");
		Files.writeString(source, Files.readString(source)
			.replace("period: { from: title }", "period: { from: fixed, date: 2025-03-31 }"));
	}

	@Test
	void givenAFixedPeriod_itOutranksTheDateInTheTitle() {
		Catalog catalog = CatalogLoader.load(config);
		WorkbookBuilder.ledger(LocalDate.of(2024, 12, 31))
			.row("JC2024-0001", "甲", "潞州区", 1, "开工")
			.writeTo(inbox.file("finance/ledger.xlsx"));
		long load = registry.register(9_001, "finance-projects", "finance", "projects", "finance/ledger.xlsx",
				"ledger.xlsx", "0".repeat(64), 1, LoadStatus.PENDING, null, null);
		SourceRowReader<SourceRow> reader = SourceRowReader.lined(9_001, catalog, registry, properties);

		reader.open(new ExecutionContext());
		SourceRow row = reader.read();
		reader.close();

		assertThat(row.context().load().id()).isEqualTo(load);
		assertThat(row.context().period()).isEqualTo(LocalDate.of(2025, 3, 31));
		assertThat(warehouse.strings("SELECT period::text FROM registry.load WHERE id = ?", load))
			.containsExactly("2025-03-31");
	}

}
