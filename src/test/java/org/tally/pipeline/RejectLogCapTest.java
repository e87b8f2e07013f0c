package org.tally.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;

/**
 * Given a ledger of 10,000 rejected rows, the log names the first 20 and then says how
 * many more there were, while the rejects table holds every one of them (and the run
 * completes: a file whose every row is rejected staged nothing, which once failed the
 * promotion).
 */
@TallyTest
class RejectLogCapTest extends InboxRunTest {

	private static final String FILE = "ledger-2024-12-31.xlsx";

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	// The console shows warnings only; an operator's log file has Tally's INFO lines.
	private final Logger tally = (Logger) LoggerFactory.getLogger("org.tally");

	private Level tallyLevel;

	@BeforeEach
	void listen() {
		events.start();
		root.addAppender(events);
		tallyLevel = tally.getLevel();
		tally.setLevel(Level.INFO);
	}

	@AfterEach
	void stopListening() {
		tally.setLevel(tallyLevel);
		root.detachAppender(events);
	}

	@Test
	void givenAFileOfTenThousandRejectedRows_theLogHoldsAtMostTwentyOneLinesForItAndTheTableEveryReject() {
		WorkbookBuilder ledger = WorkbookBuilder.ledger(DECEMBER);
		for (int i = 0; i < 10_000; i++) {
			ledger.row(String.format("JC2024-%05d", i + 1), "项目" + i, "海淀区", 1000 + i, "开工");
		}
		ledger.writeTo(inbox.file("finance/" + FILE));

		long run = completedRun(jobs, "ten-thousand-rejects");

		List<String> infoLinesOfTheFile = events.list.stream()
			.filter(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains(FILE))
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
		assertThat(infoLinesOfTheFile.stream().filter(line -> line.contains("rejected:"))).hasSize(20);
		assertThat(infoLinesOfTheFile).filteredOn(line -> line.contains("more rejected rows not logged"))
			.containsExactly("run=" + run + " file=finance/" + FILE
					+ " 9980 more rejected rows not logged; all 10000 are listed by `tally rejects --run " + run + "`");
		// 20 rows and one line for the rest; besides them, only the file's own progress
		// (new, reading, read)
		assertThat(infoLinesOfTheFile).filteredOn(line -> line.contains("rejected")).hasSize(21);
		assertThat(infoLinesOfTheFile).hasSize(24);
		assertThat(warehouse.count("SELECT count(DISTINCT r.row_number) FROM registry.reject r"
				+ " JOIN registry.load l ON l.id = r.load_id WHERE l.file_name = ?", FILE))
			.isEqualTo(10_000);
	}

}
