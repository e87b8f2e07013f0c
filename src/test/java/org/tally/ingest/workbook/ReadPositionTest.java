package org.tally.ingest.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tally.bench.internal.LedgerFiles;
import org.tally.support.WorkbookBuilder;

/**
 * Given a ledger in each format, the cursor's position in its file (what a progress line
 * shows as bytes read) starts near nothing, only moves forward and reaches the whole file
 * at its last row.
 */
class ReadPositionTest {

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "csv", "xlsx", "xls" })
	void givenALedgerOfThreeThousandRows_thePositionRisesToTheWholeFile(String format) {
		Path file = ledger(format, 3_000);
		List<Double> positions = new ArrayList<>();
		try (SheetCursor cursor = Workbooks.open(file)) {
			while (cursor.hasNext()) {
				cursor.next();
				positions.add(cursor.fractionRead());
			}
		}

		assertThat(positions).hasSizeGreaterThan(3_000).isSorted().allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
		assertThat(positions.get(positions.size() / 2)).as("half way").isBetween(0.05, 0.95);
		assertThat(positions.get(positions.size() - 1)).as("at the last row").isGreaterThan(0.95);
	}

	private Path ledger(String format, int rows) {
		try {
			if (format.equals("csv")) {
				return LedgerFiles.departmentCsv(temp.resolve("ledger_2024-12-31.csv"), rows);
			}
			WorkbookBuilder ledger = WorkbookBuilder.ledger(LocalDate.of(2024, 12, 31));
			for (int i = 1; i <= rows; i++) {
				ledger.row("JC" + i, "项目" + i, "潞州区", i * 10, "开工");
			}
			return ledger.writeTo(temp.resolve("ledger_2024-12-31." + format));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
