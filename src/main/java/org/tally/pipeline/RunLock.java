package org.tally.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The cluster-wide "one consolidation at a time" lock: a PostgreSQL session advisory lock
 * held on its own connection for the whole run. A process that dies loses its session and
 * so the lock.
 */
@Component
class RunLock {

	// pg_locks shows the two-int form as classid/objid with objsubid = 2.
	private static final int LOCK_CLASS = 0x7A11;

	private static final int LOCK_NIGHTLY = 1;

	private final DataSource dataSource;

	RunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The lock, or empty when another session holds it. */
	Optional<Lease> tryAcquire() {
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
				lock.setInt(1, LOCK_CLASS);
				lock.setInt(2, LOCK_NIGHTLY);
				try (ResultSet rs = lock.executeQuery()) {
					rs.next();
					if (rs.getBoolean(1)) {
						Lease lease = new Lease(connection);
						connection = null;
						return Optional.of(lease);
					}
					return Optional.empty();
				}
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("cannot take the run lock: " + ex.getMessage(), ex);
		}
		finally {
			closeQuietly(connection);
		}
	}

	/** Whether any session (this process included) holds the lock now. */
	boolean held() {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("""
						SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
						  AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2)""")) {
			query.setLong(1, LOCK_CLASS);
			query.setLong(2, LOCK_NIGHTLY);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("cannot read the run lock: " + ex.getMessage(), ex);
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// the connection is being given up after a failure already reported
			}
		}
	}

	/** The held lock; closing releases it and returns the connection to the pool. */
	static final class Lease implements AutoCloseable {

		private final Connection connection;

		private boolean released;

		private Lease(Connection connection) {
			this.connection = connection;
		}

		@Override
		public synchronized void close() {
			if (released) {
				return;
			}
			released = true;
			try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
				unlock.setInt(1, LOCK_CLASS);
				unlock.setInt(2, LOCK_NIGHTLY);
				unlock.execute();
			}
			catch (SQLException ex) {
				// Closing the session below releases a session lock as well.
			}
			finally {
				closeQuietly(connection);
			}
		}

	}

}
