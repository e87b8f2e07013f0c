package org.tally.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.catalog.Catalog;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given a department file not yet in the inbox, the preview tells what the next run would
 * read and reject, cell by cell, checking project codes against the current ledger, and
 * writes nothing.
 */
@TallyTest
class FilePreviewTest extends SeedInboxTest {

	static final Charset GBK = Charset.forName("GBK");
	static final String HEALTH = "health/市卫健委_卫生健康对口合作_20241231.csv";

	@Autowired
	FilePreview preview;

	@Autowired
	Catalog catalog;

	@TempDir
	Path temp;

	@BeforeEach
	void theSeedsAreLoaded() throws Exception {
		jobs.startJob(
				new JobParametersBuilder().addString("trigger", "test:preview:" + System.nanoTime()).toJobParameters());
	}

	@Test
	void givenABadNumberAndAnUnknownCode_thePreviewNamesBothCellsAndWritesNothing() throws Exception {
		List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("seeds/inbox").resolve(HEALTH), GBK));
		lines.set(2, lines.get(2).replace(",68,", ",很多,"));
		lines.set(3, lines.get(3).replace("JC2023-0031", "JC2099-0001"));
		Path file = Files.write(temp.resolve("upload.csv"), lines, GBK);
		long loads = warehouse.count("SELECT count(*) FROM registry.load");

		FileInspection.Result result = preview.preview(catalog.source("health-activities").orElseThrow(), file,
				"市卫健委_卫生健康对口合作_20241231_更正.csv");

		assertThat(result.readable()).isTrue();
		assertThat(result.outline().period()).hasToString("2024-12-31");
		assertThat(result.rowsRead()).isEqualTo(21); // 20 rows and the totals row
		assertThat(result.rowsRejected()).isEqualTo(2);
		assertThat(result.problems()).extracting(FileInspection.Problem::cell, FileInspection.Problem::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("F3", "很多"),
					org.assertj.core.groups.Tuple.tuple("B4", "JC2099-0001"));
		assertThat(result.problems().get(1).reasonEn()).contains("unknown project code JC2099-0001");
		assertThat(warehouse.count("SELECT count(*) FROM registry.load")).isEqualTo(loads);
	}

	@Test
	void givenAFileWithoutAPeriodInItsName_thePreviewSaysTheRunWouldQuarantineIt() throws Exception {
		Path file = Files.copy(Path.of("seeds/inbox").resolve(HEALTH), temp.resolve("x.csv"));

		FileInspection.Result result = preview.preview(catalog.source("health-activities").orElseThrow(), file,
				"更正.csv");

		assertThat(result.readable()).isFalse();
		assertThat(result.quarantine()).contains("no reporting period in the file name");
	}

}
