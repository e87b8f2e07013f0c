package org.tally.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.Runs;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given the seeds loaded, reporting.projects_by_county (config/reporting.yml) holds what
 * an analyst's GROUP BY over reporting.projects returns, row for row; after a corrected
 * ledger supersedes a load it still does, the superseded load counted nowhere.
 */
@TallyTest
class CountySummaryTest extends SeedInboxTest {

	static final String BY_HAND = """
			SELECT period::text, county, count(*)::text, sum(committed_investment)::text,
			       sum(completed_investment)::text
			FROM reporting.projects GROUP BY period, county ORDER BY period, county""";

	static final String SUMMARY = """
			SELECT period::text, county, rows::text, committed_investment::text, completed_investment::text
			FROM reporting.projects_by_county ORDER BY period, county""";

	static final Path DECEMBER_LEDGER = Path.of("finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx");

	@BeforeEach
	void theSeedsLoaded() {
		Runs.completedRun(jobs, "summary");
	}

	@Test
	void givenTheSeeds_theSummaryEqualsTheGroupByOverReportingProjects() {
		List<List<String>> summary = warehouse.rows(SUMMARY);

		assertThat(summary).isEqualTo(warehouse.rows(BY_HAND));
		assertThat(summary).extracting(row -> row.get(0)).containsOnly("2024-06-30", "2024-12-31");
		assertThat(summary).hasSizeGreaterThan(12);
	}

	@Test
	void givenACorrectedLedger_theSupersededLoadDropsOutOfTheSummary() throws Exception {
		List<List<String>> before = warehouse.rows(SUMMARY);
		renameFirstProject(inbox.root().resolve(DECEMBER_LEDGER));

		Runs.completedRun(jobs, "summary-corrected");

		assertThat(warehouse.count("""
				SELECT count(*) FROM registry.load WHERE dataset = 'projects' AND status = 'superseded'
				  AND period = '2024-12-31'""")).isEqualTo(1);
		assertThat(warehouse.rows(SUMMARY)).isEqualTo(warehouse.rows(BY_HAND)).isEqualTo(before);
	}

	/** A new name for the ledger's first project: a changed file, the same amounts. */
	private static void renameFirstProject(Path ledger) throws Exception {
		XSSFWorkbook workbook;
		try (InputStream in = Files.newInputStream(ledger)) {
			workbook = new XSSFWorkbook(in);
		}
		try (workbook) {
			for (Row row : workbook.getSheet("项目台账")) {
				Cell code = row.getCell(1);
				if (code != null && code.getCellType() == CellType.STRING
						&& code.getStringCellValue().startsWith("JC")) {
					Cell name = row.getCell(2);
					name.setCellValue(name.getStringCellValue() + "（更名）");
					break;
				}
			}
			try (OutputStream out = Files.newOutputStream(ledger)) {
				workbook.write(out);
			}
		}
	}

}
