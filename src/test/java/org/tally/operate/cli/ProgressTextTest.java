package org.tally.operate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tally.ingest.ReadProgress;

/**
 * Given a file's progress, the terminal's line says rows, rate, percent of the file's
 * bytes and the time left in one short line, and a log's plain line says the same with
 * the file's whole path.
 */
class ProgressTextTest {

	static final Instant OPENED = Instant.parse("2024-12-31T18:00:00Z");

	@Test
	void givenALedgerHalfReadInTenSeconds_theTerminalLineSaysTenSecondsLeft() {
		ReadProgress half = new ReadProgress("finance/ledger.csv", 500_000, 39_000_000, 78_000_000, OPENED,
				OPENED.plusSeconds(10));

		assertThat(ProgressText.terminal(half, 79))
			.isEqualTo("ledger.csv  500,000 rows  50,000 rows/s  50.0% of 78.0 MB  ETA 0:10");
	}

	@Test
	void givenTheSameProgress_thePlainLineNamesTheFileByItsInboxPath() {
		ReadProgress half = new ReadProgress("finance/ledger.csv", 500_000, 39_000_000, 78_000_000, OPENED,
				OPENED.plusSeconds(10));

		assertThat(ProgressText.plain(half))
			.isEqualTo("reading finance/ledger.csv: 500,000 rows, 50,000 rows/s, 39.0 of 78.0 MB (50.0%), ETA 0:10");
	}

	@Test
	void givenALongChineseFileName_theTerminalLineFitsTheTerminalsWidthKeepingThePeriod() {
		ReadProgress progress = new ReadProgress("finance/市财政局_京长对口合作项目台账_2024-12-31.csv", 1_234_567, 9_000_000,
				157_000_000, OPENED, OPENED.plusSeconds(30));

		String line = ProgressText.terminal(progress, 79);

		assertThat(ProgressText.width(line)).isLessThanOrEqualTo(79);
		assertThat(line).startsWith("市财").contains("…").contains("2024-12-31.csv  1,234,567 rows");
	}

	@Test
	void givenAPositionTheReaderCannotTell_theLinesSayItIsNotKnown() {
		ReadProgress unknown = new ReadProgress("education/活动.xlsx", 2_048, -1, 5_000_000, OPENED,
				OPENED.plusSeconds(2));

		assertThat(ProgressText.terminal(unknown, 79)).endsWith("?% of 5.0 MB  ETA ?");
		assertThat(ProgressText.plain(unknown)).contains("? of 5.0 MB (?%)");
	}

	@Test
	void givenMoreThanAnHourLeft_theClockShowsHours() {
		assertThat(ProgressText.clock(Duration.ofSeconds(3 * 3600 + 62))).isEqualTo("3:01:02");
		assertThat(ProgressText.clock(Duration.ofSeconds(62))).isEqualTo("1:02");
	}

}
