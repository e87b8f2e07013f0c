package org.tally.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.catalog.Catalog;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;

/**
 * Given a reader that finishes its rows (on a CSV's reading thread, on its own thread for
 * a workbook): they arrive finished, in sheet order, and a finisher that fails fails the
 * run with the file and row, and never quarantines the file.
 */
@TallyTest
class RowFinishingTest extends InboxRunTest {

	@Autowired
	LoadRegistry registry;

	@Autowired
	IngestProperties properties;

	@Autowired
	Catalog catalog;

	long load;

	void aLedgerOfThreeRows(String format) throws IOException {
		String name = "ledger_2024-12-31." + format;
		if (format.equals("csv")) {
			Files.writeString(inbox.file("finance/" + name), """
					京长对口合作项目台账（截至2024年12月31日）
					序号,项目编号,项目名称,所在县区,签约投资额,项目状态
					1,JC2024-0001,甲,潞州区,1,开工
					2,JC2024-0002,乙,潞州区,2,开工
					3,JC2024-0003,丙,潞州区,3,开工
					""");
		}
		else {
			WorkbookBuilder.ledger(LocalDate.of(2024, 12, 31))
				.row("JC2024-0001", "甲", "潞州区", 1, "开工")
				.row("JC2024-0002", "乙", "潞州区", 2, "开工")
				.row("JC2024-0003", "丙", "潞州区", 3, "开工")
				.writeTo(inbox.file("finance/" + name));
		}
		load = registry.register(9_002, "finance-projects", "finance", "projects", "finance/" + name, name,
				"0".repeat(64), 1, LoadStatus.PENDING, null, null);
	}

	@ParameterizedTest
	@CsvSource({ "csv, tally-parse-ledger_2024-12-31.csv", "xlsx, main" })
	void givenACsvOrAWorkbook_rowsArriveFinishedInSheetOrderACsvsByItsReadingThreadAWorkbooksByTheReader(String format,
			String finishingThread) throws IOException {
		aLedgerOfThreeRows(format);
		List<String> threads = new ArrayList<>();
		List<String> read = readAll(row -> {
			threads.add(Thread.currentThread().getName());
			return row.cells()[0].value();
		});

		assertThat(read).containsExactly("JC2024-0001", "JC2024-0002", "JC2024-0003");
		String reader = Thread.currentThread().getName();
		assertThat(threads).hasSize(3).containsOnly(finishingThread.equals("main") ? reader : finishingThread);
	}

	@ParameterizedTest
	@ValueSource(strings = { "csv", "xlsx" })
	void givenAFinisherThatFails_itFailsTheRunNamingFileAndRowAndTheFileIsNotQuarantined(String format)
			throws IOException {
		aLedgerOfThreeRows(format);
		List<Integer> seen = new ArrayList<>();
		SourceRowReader<String> reader = new SourceRowReader<>(9_002, catalog, registry, properties,
				new IngestProgress(), row -> {
					seen.add(row.rowNumber());
					if (seen.size() == 2) {
						throw new IllegalStateException("a defect in finishing");
					}
					return "ok";
				});
		reader.open(new ExecutionContext());
		try {
			assertThat(reader.read()).isEqualTo("ok");
			assertThatThrownBy(reader::read).isInstanceOf(RowFinishingException.class)
				.hasMessageContaining("ledger_2024-12-31." + format)
				.hasMessageContaining("row " + seen.get(1))
				.hasMessageContaining("a defect in finishing")
				.hasRootCauseInstanceOf(IllegalStateException.class);
		}
		finally {
			reader.close();
		}
		assertThat(warehouse.strings("SELECT status FROM registry.load WHERE id = ?", load)).containsExactly("pending");
	}

	private List<String> readAll(Function<SourceRow, String> finisher) {
		SourceRowReader<String> reader = new SourceRowReader<>(9_002, catalog, registry, properties,
				new IngestProgress(), finisher);
		List<String> rows = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			for (String row = reader.read(); row != null; row = reader.read()) {
				rows.add(row);
			}
		}
		finally {
			reader.close();
		}
		return rows;
	}

}
