package org.tally.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.catalog.Catalog;
import org.tally.support.TallyTest;
import org.tally.support.TestInbox;
import org.tally.support.TestWarehouse;
import org.tally.support.WorkbookBuilder;

/**
 * Given a reader whose rows are finished on the file's reading thread: they arrive finished, in
 * sheet order, and a finisher that fails fails the run with the file and row, not the file.
 */
@TallyTest
class RowFinishingTest {

	@Autowired
	LoadRegistry registry;

	@Autowired
	IngestProperties properties;

	@Autowired
	Catalog catalog;

	@Autowired
	TestInbox inbox;

	@Autowired
	TestWarehouse warehouse;

	long load;

	@BeforeEach
	void aLedgerOfThreeRows() {
		warehouse.reset();
		inbox.clear();
		WorkbookBuilder.ledger(LocalDate.of(2024, 12, 31))
			.row("JC2024-0001", "甲", "潞州区", 1, "开工")
			.row("JC2024-0002", "乙", "潞州区", 2, "开工")
			.row("JC2024-0003", "丙", "潞州区", 3, "开工")
			.writeTo(inbox.file("finance/ledger_2024-12-31.xlsx"));
		load = registry.register(9_002, "finance-projects", "finance", "projects", "finance/ledger_2024-12-31.xlsx",
				"ledger_2024-12-31.xlsx", "0".repeat(64), 1, LoadStatus.PENDING, null, null);
	}

	@Test
	void rowsArriveFinishedByTheReadingThreadInSheetOrder() {
		List<String> threads = new ArrayList<>();
		List<String> read = readAll(row -> {
			threads.add(Thread.currentThread().getName());
			return row.rowNumber() + ":" + row.cells()[0].value();
		});

		assertThat(read).extracting(r -> r.substring(r.indexOf(':') + 1))
			.containsExactly("JC2024-0001", "JC2024-0002", "JC2024-0003");
		assertThat(threads).hasSize(3).allMatch(name -> name.startsWith("tally-parse-ledger_2024-12-31.xlsx"));
		assertThat(threads).doesNotContain(Thread.currentThread().getName());
	}

	@Test
	void aFinisherThatFailsFailsTheRunNamingFileAndRow_andTheFileIsNotQuarantined() {
		List<Integer> seen = new ArrayList<>();
		SourceRowReader<String> reader = new SourceRowReader<>(9_002, catalog, registry, properties, row -> {
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
				.hasMessageContaining("ledger_2024-12-31.xlsx")
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
		SourceRowReader<String> reader = new SourceRowReader<>(9_002, catalog, registry, properties, finisher);
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
