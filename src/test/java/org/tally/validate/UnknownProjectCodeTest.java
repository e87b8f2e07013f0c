package org.tally.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;
import static org.tally.support.Runs.rows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;

/**
 * Given health rows naming project codes, a code that is not in the finance ledger as it
 * stands for the same period once the run is promoted is rejected; the ledger may arrive
 * in the same run.
 */
@TallyTest
class UnknownProjectCodeTest extends InboxRunTest {

	static final LocalDate DECEMBER = LocalDate.of(2024, 12, 31);
	static final LocalDate JUNE = LocalDate.of(2024, 6, 30);

	@Test
	void givenTheLedgerInTheSameRunButDroppedLater_aKnownCodeLoadsAndAnUnknownOneIsRejected() {
		// The health file is older than the ledger: the ledger is read first all the
		// same.
		health("市卫健委_20241231.csv", "JC2024-0001", "JC2024-0099", Instant.parse("2025-01-02T00:00:00Z"));
		ledger(DECEMBER, "ledger-2024-12-31.xlsx", 20, Instant.parse("2025-01-05T00:00:00Z"));

		completedRun(jobs, "same-run");

		assertHealthCodesLoaded("JC2024-0001");
		assertThat(
				rows(warehouse, "SELECT cell_ref, column_name, raw_value, reason_zh, reason_en FROM registry.reject"))
			.containsExactly(List.of("A2", "project_code", "JC2024-0099",
					"项目编号不存在：JC2024-0099（2024-12-31期京长对口合作项目台账中没有该编号）",
					"unknown project code JC2024-0099: not in the current cooperation project ledger (projects) for period 2024-12-31"));
	}

	@Test
	void givenTheLedgerLoadedByAnEarlierRun_codesAreCheckedAgainstTheCurrentLedger() {
		decemberLedgerLoadedByAnEarlierRun("ledger-first");
		health("市卫健委_20241231.csv", "JC2024-0002", "JC2024-0042", null);

		completedRun(jobs, "health-later");

		assertLoadedAndRejected("JC2024-0002", "JC2024-0042");
	}

	@Test
	void givenACorrectedLedgerInTheSameRun_codesItDropsAreUnknownEvenThoughTheOldLedgerHadThem() {
		decemberLedgerLoadedByAnEarlierRun("old-ledger");
		// The correction keeps JC2024-0001..0009 only; JC2024-0015 was in the old ledger.
		ledger(DECEMBER, "ledger-2024-12-31-corrected.xlsx", 10, null);
		health("市卫健委_20241231.csv", "JC2024-0001", "JC2024-0015", null);

		completedRun(jobs, "correction");

		assertLoadedAndRejected("JC2024-0001", "JC2024-0015");
	}

	@Test
	void givenACorrectedLedgerThatIsItselfRejectedForItsRejectRate_theCurrentLedgerStillDecides() {
		decemberLedgerLoadedByAnEarlierRun("old-ledger");
		WorkbookBuilder bad = WorkbookBuilder.ledger(DECEMBER);
		for (int i = 0; i < 5; i++) {
			bad.row("JC2024-" + String.format("%04d", 100 + i), "项目" + i, i < 2 ? "朝阳区" : "潞州区", 100, "开工");
		}
		bad.writeTo(inbox.file("finance/ledger-2024-12-31-bad.xlsx"));
		health("市卫健委_20241231.csv", "JC2024-0015", "JC2024-0102", null);

		completedRun(jobs, "bad-correction");

		assertThat(warehouse.strings("SELECT status FROM registry.load WHERE file_name = 'ledger-2024-12-31-bad.xlsx'"))
			.containsExactly("rejected");
		assertHealthCodesLoaded("JC2024-0015");
		assertThat(
				warehouse.strings("SELECT r.raw_value FROM registry.reject r JOIN registry.load l ON l.id = r.load_id"
						+ " WHERE l.dataset = 'health_activities'"))
			.containsExactly("JC2024-0102");
	}

	@Test
	void givenACodeInTheJuneLedgerOnly_aDecemberRowNamingItIsRejected() {
		ledger(JUNE, "ledger-2024-06-30.xlsx", 5, null);
		ledger(DECEMBER, "ledger-2024-12-31.xlsx", 3, null);
		WorkbookBuilder.ledger(JUNE)
			.row("JC2024-0777", "上半年项目", "潞州区", 100, "开工")
			.writeTo(inbox.file("finance/ledger-2024-06-30-extra.xlsx"));
		health("市卫健委_20241231.csv", "JC2024-0002", "JC2024-0004", null);

		completedRun(jobs, "periods");

		assertHealthCodesLoaded("JC2024-0002");
		assertThat(warehouse.strings("SELECT reason_en FROM registry.reject")).containsExactly(
				"unknown project code JC2024-0004: not in the current cooperation project ledger (projects) for period 2024-12-31");
	}

	@Test
	void givenARowWithAnUnknownCodeAndAnUnknownCounty_bothProblemsAreRecorded() throws IOException {
		ledger(DECEMBER, "ledger-2024-12-31.xlsx", 5, null);
		StringBuilder csv = new StringBuilder("项目编号,北京医院,长治医院,所在县区\r\nJC2099-0001,北京朝阳医院,潞州区人民医院,火星\r\n");
		for (int i = 0; i < 20; i++) {
			csv.append("JC2024-0001,北京朝阳医院,潞州区人民医院,潞州区\r\n");
		}
		Files.writeString(inbox.file("health/市卫健委_20241231.csv"), csv);

		completedRun(jobs, "two-problems");

		assertThat(rows(warehouse, "SELECT cell_ref, column_name FROM registry.reject ORDER BY cell_ref"))
			.containsExactly(List.of("A2", "project_code"), List.of("D2", "county"));
	}

	/**
	 * The December ledger with codes JC2024-0001 … JC2024-0020, loaded by a run of its
	 * own.
	 */
	private void decemberLedgerLoadedByAnEarlierRun(String run) {
		ledger(DECEMBER, "ledger-2024-12-31.xlsx", 20, null);
		completedRun(jobs, run);
	}

	private void assertHealthCodesLoaded(String... codes) {
		assertThat(warehouse.strings("SELECT DISTINCT project_code FROM warehouse.health_activities"))
			.containsExactly(codes);
	}

	private void assertLoadedAndRejected(String loaded, String rejected) {
		assertHealthCodesLoaded(loaded);
		assertThat(warehouse.strings("SELECT raw_value FROM registry.reject")).containsExactly(rejected);
	}

	/** A ledger with codes JC2024-0001 … JC2024-(n-1) plus one more row, all valid. */
	private void ledger(LocalDate period, String name, int rows, Instant modified) {
		WorkbookBuilder ledger = WorkbookBuilder.ledger(period);
		for (int i = 1; i <= rows; i++) {
			ledger.row(String.format("JC2024-%04d", i), "项目" + i, "潞州区", 100 * i, "开工");
		}
		touch(ledger.writeTo(inbox.file("finance/" + name)), modified);
	}

	/**
	 * A health CSV (GB18030, as 市卫健委 sends it): row 2 names {@code secondCode}, rows 3 to
	 * 22 name {@code firstCode}, so one rejected row stays under the 5% limit.
	 */
	private void health(String name, String firstCode, String secondCode, Instant modified) {
		StringBuilder csv = new StringBuilder("项目编号,北京医院,长治医院,所在县区,对口合作资金（万元）\r\n").append(secondCode)
			.append(",北京安贞医院,黎城县人民医院,黎城县,200\r\n");
		for (int i = 0; i < 20; i++) {
			csv.append(firstCode).append(",北京朝阳医院,潞州区人民医院,潞州区,100\r\n");
		}
		try {
			Path file = Files.write(inbox.file("health/" + name), csv.toString().getBytes(Charset.forName("GB18030")));
			touch(file, modified);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void touch(Path file, Instant modified) {
		if (modified == null) {
			return;
		}
		try {
			Files.setLastModifiedTime(file, FileTime.from(modified));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
