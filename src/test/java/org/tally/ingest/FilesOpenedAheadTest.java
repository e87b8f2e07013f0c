package org.tally.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;
import static org.tally.support.Runs.rows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;

/**
 * Given files of several sources, each opened while the one before it is still read, a
 * broken one among them is quarantined in its turn with its own reason, and every other
 * file loads as if read alone: its bad rows rejected at their file, sheet and cell.
 */
@TallyTest
class FilesOpenedAheadTest extends InboxRunTest {

	@TempDir
	Path temp;

	@Test
	void givenBrokenFilesBetweenGoodFilesOfTwoSources_theyAloneAreQuarantinedAndTheOthersLoadWithTheirRejects()
			throws Exception {
		Path whole = WorkbookBuilder.ledger(DECEMBER)
			.row("JC2024-0001", "项目甲", "潞州区", 3500, "开工")
			.writeTo(temp.resolve("whole.xlsx"));
		byte[] bytes = Files.readAllBytes(whole);
		// One in each source: whichever file is read first, a broken one is opened ahead.
		Files.write(inbox.file("finance/a-truncated-2024-12-31.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
		Files.write(inbox.file("science/a-truncated-2024-06-30.xlsx"), Arrays.copyOf(bytes, bytes.length / 3));
		WorkbookBuilder ledger = WorkbookBuilder.ledger(DECEMBER);
		for (int i = 0; i < 40; i++) {
			ledger.row("JC2024-" + (1000 + i), "项目" + i, "潞州区", 100, "开工");
		}
		ledger.row("JC2024-0004", "项目丁", "朝阳区", 100, "开工").writeTo(inbox.file("finance/b-ledger-2024-12-31.xlsx"));
		inbox.copySeed("science/市科技局_科技成果转化_2024-06-30.xlsx", "science/市科技局_科技成果转化_2024-06-30.xlsx");

		completedRun(jobs, "opened-ahead");

		assertThat(rows(warehouse, """
				SELECT file_name, status, coalesce(rows_loaded, 0)::text, coalesce(reason, '') FROM registry.load
				ORDER BY file_name""")).containsExactly(List.of("a-truncated-2024-06-30.xlsx", "quarantined", "0",
				"damaged or truncated ZIP archive (IOException: Error reading Zip content from science/a-truncated-2024-06-30.xlsx)"),
				List.of("a-truncated-2024-12-31.xlsx", "quarantined", "0",
						"damaged or truncated ZIP archive (IOException: Error reading Zip content from finance/a-truncated-2024-12-31.xlsx)"),
				List.of("b-ledger-2024-12-31.xlsx", "loaded", "40", ""),
				List.of("市科技局_科技成果转化_2024-06-30.xlsx", "loaded", "45", ""));
		assertThat(rows(warehouse, """
				SELECT l.file_name, r.sheet, r.cell_ref, r.raw_value FROM registry.reject r
				JOIN registry.load l ON l.id = r.load_id ORDER BY l.file_name, r.cell_ref"""))
			.containsExactly(List.of("b-ledger-2024-12-31.xlsx", "项目台账", "C44", "朝阳区"));
	}

}
