package org.tally.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;
import static org.tally.support.Runs.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;

/**
 * Given a good December ledger, a corrected ledger with 20% bad rows is rejected as a
 * whole: the first stays current and the warehouse and its figures do not change.
 */
@TallyTest
class RejectRateTest extends InboxRunTest {

	@Autowired
	FigurePublisher figures;

	@Test
	void givenACorrectionWithTwentyPercentBadRows_itIsRejectedAndTheFirstLedgerStaysCurrent() {
		ledger(20, 0).writeTo(inbox.file("finance/ledger-2024-12-31.xlsx"));
		completedRun(jobs, "good");
		List<List<String>> before = warehouseRows();
		List<FigureValue> figuresBefore = figures.latest(DECEMBER);

		ledger(20, 4).writeTo(inbox.file("finance/ledger-2024-12-31-corrected.xlsx"));
		long second = completedRun(jobs, "corrected");

		assertThat(rows(warehouse,
				"SELECT file_name, status, is_current::text, coalesce(reason, '') FROM registry.load WHERE status <> 'duplicate' ORDER BY id"))
			.containsExactly(List.of("ledger-2024-12-31.xlsx", "loaded", "true", ""), List.of(
					"ledger-2024-12-31-corrected.xlsx", "rejected", "false",
					"4 of 20 rows rejected (20%), above the source's limit of 5%; the previous load stays current"));
		assertThat(warehouseRows()).isEqualTo(before);
		// Its 16 good rows were staged in the warehouse table, invisible; the rejection
		// removed them.
		assertThat(warehouse.count("SELECT count(*) FROM warehouse.projects w JOIN registry.load l ON l.id = w.load_id"
				+ " WHERE l.file_name = 'ledger-2024-12-31-corrected.xlsx'"))
			.isZero();
		// The rejected rows stay on record, so the department can be told what to fix.
		assertThat(warehouse.count("SELECT count(*) FROM registry.reject r JOIN registry.load l ON l.id = r.load_id"
				+ " WHERE l.file_name = 'ledger-2024-12-31-corrected.xlsx'"))
			.isEqualTo(4);
		List<FigureValue> figuresAfter = figures.latest(DECEMBER);
		assertThat(figuresAfter).allMatch(f -> f.runId() == second);
		assertThat(figuresAfter).extracting(FigureValue::id, FigureValue::value, FigureValue::version)
			.containsExactlyElementsOf(figuresBefore.stream()
				.map(f -> org.assertj.core.groups.Tuple.tuple(f.id(), f.value(), f.version()))
				.toList());
	}

	@Test
	void givenACorrectionExactlyAtTheLimit_itReplacesTheFirst() {
		ledger(20, 0).writeTo(inbox.file("finance/ledger-2024-12-31.xlsx"));
		completedRun(jobs, "good");

		ledger(20, 1).writeTo(inbox.file("finance/ledger-2024-12-31-corrected.xlsx"));
		completedRun(jobs, "one-bad-row");

		assertThat(rows(warehouse,
				"SELECT file_name, status, is_current::text FROM registry.load WHERE status <> 'duplicate' ORDER BY id"))
			.containsExactly(List.of("ledger-2024-12-31.xlsx", "superseded", "false"),
					List.of("ledger-2024-12-31-corrected.xlsx", "loaded", "true"));
		assertThat(warehouse.count("SELECT count(*) FROM warehouse.projects w JOIN registry.load l ON l.id = w.load_id"
				+ " WHERE l.is_current"))
			.isEqualTo(19);
	}

	private List<List<String>> warehouseRows() {
		return rows(warehouse, """
				SELECT w.load_id::text, w.row_number::text, w.project_code, w.committed_investment::text, w.status
				FROM warehouse.projects w JOIN registry.load l ON l.id = w.load_id
				WHERE l.is_current AND l.period = ? ORDER BY w.row_number""", DECEMBER);
	}

	/**
	 * {@code rows} ledger rows, the first {@code bad} with a county that is not in
	 * Changzhi.
	 */
	private static WorkbookBuilder ledger(int rows, int bad) {
		WorkbookBuilder ledger = WorkbookBuilder.ledger(DECEMBER);
		for (int i = 0; i < rows; i++) {
			ledger.row(String.format("JC2024-%04d", i + 1), "项目" + i, i < bad ? "海淀区" : "潞州区", 1000 + i,
					i % 2 == 0 ? "开工" : "签约");
		}
		return ledger;
	}

}
