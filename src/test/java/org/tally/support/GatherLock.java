package org.tally.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.tally.pipeline.RunHistory;
import org.tally.pipeline.RunSummary;

/**
 * Holds runs inside their gather step: a transaction of the test's own locks
 * registry.load, so a run that has started is surely still going until the hold is
 * released.
 */
public final class GatherLock {

	private final DataSource dataSource;

	private final RunHistory history;

	GatherLock(DataSource dataSource, RunHistory history) {
		this.dataSource = dataSource;
		this.history = history;
	}

	/** Takes the lock; runs that reach their gather step wait there from now on. */
	public Hold hold() throws SQLException {
		Connection connection = dataSource.getConnection();
		connection.setAutoCommit(false);
		try (Statement lock = connection.createStatement()) {
			lock.execute("LOCK TABLE registry.load IN ACCESS EXCLUSIVE MODE");
		}
		return new Hold(connection);
	}

	/** Waits (up to a minute) for a run to be held in its gather step; answers its id. */
	public long awaitHeldRun() {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> history.history(5)
				.stream()
				.filter(run -> run.running()
						&& run.steps().stream().anyMatch(s -> s.name().equals("gatherSourceFilesStep")))
				.findFirst(), Optional::isPresent)
			.map(RunSummary::runId)
			.orElseThrow();
	}

	/** The lock, held until released; closing it without a release releases it too. */
	public static final class Hold implements AutoCloseable {

		private final Connection connection;

		private Hold(Connection connection) {
			this.connection = connection;
		}

		/** Lets the held runs go on. */
		public void release() throws SQLException {
			connection.rollback();
		}

		@Override
		public void close() throws SQLException {
			connection.close();
		}

	}

}
