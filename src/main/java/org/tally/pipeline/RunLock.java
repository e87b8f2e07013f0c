package org.tally.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The cluster-wide "one consolidation at a time" lock: a PostgreSQL session advisory lock
 * held on its own connection for the whole run. A process that dies loses its session and
 * so the lock. The lease is checked while the run goes on ({@link #checkLease()}): a run
 * whose session was killed must not go on unguarded beside a second one.
 */
@Component
class RunLock {

	// pg_locks shows the two-int form as classid/objid with objsubid = 2.
	private static final int LOCK_CLASS = 0x7A11;

	private static final int LOCK_NIGHTLY = 1;

	// A check is one empty query on the lease's connection, once per chunk (thousands of
	// rows): negligible beside the chunk, and the run stops at the very next chunk.
	private static final int CHECK_TIMEOUT_SECONDS = 2;

	private final DataSource dataSource;

	// The lease of this process's run, kept (even once lost) until the run lets go of it.
	private final AtomicReference<Lease> held = new AtomicReference<>();

	RunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Fails the caller's run if this process's lease was lost (its session ended); does
	 * nothing when this process holds no lease (a run started without the launcher).
	 */
	void checkLease() {
		Lease lease = held.get();
		if (lease != null) {
			lease.check();
		}
	}

	/**
	 * The lock, or empty when another session holds it, or when this process's run still
	 * has its lease, even a lost one: that run is still going.
	 */
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
						Lease lease = new Lease(connection, held);
						connection = null;
						if (!held.compareAndSet(null, lease)) {
							lease.close();
							return Optional.empty();
						}
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

		private final AtomicReference<Lease> holder;

		private boolean released;

		private boolean lost;

		private Lease(Connection connection, AtomicReference<Lease> holder) {
			this.connection = connection;
			this.holder = holder;
		}

		/** Throws once the session holding the lock has ended. */
		synchronized void check() {
			if (released) {
				return;
			}
			if (!lost) {
				lost = !alive();
			}
			if (lost) {
				throw new LeaseLostException();
			}
		}

		private boolean alive() {
			try {
				return connection.isValid(CHECK_TIMEOUT_SECONDS);
			}
			catch (SQLException ex) {
				return false;
			}
		}

		@Override
		public synchronized void close() {
			if (released) {
				return;
			}
			released = true;
			holder.compareAndSet(this, null);
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
