package org.tally.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The connections of the {@code sql} reconciliation checks: a role of their own that may
 * only read the registry, staging and warehouse schemas, never Tally's own role.
 */
public final class SqlCheckDatabase implements AutoCloseable {

	private final String role;

	private final HikariDataSource pool;

	private final String unavailable;

	SqlCheckDatabase(String role, HikariDataSource pool) {
		this.role = role;
		this.pool = pool;
		this.unavailable = null;
	}

	private SqlCheckDatabase(String unavailable) {
		this.role = null;
		this.pool = null;
		this.unavailable = unavailable;
	}

	static SqlCheckDatabase unavailable(String reason) {
		return new SqlCheckDatabase(reason);
	}

	/** Why the sql checks cannot run here, when they cannot. */
	public Optional<String> unavailableReason() {
		return Optional.ofNullable(unavailable);
	}

	/** What a check does on its connection, inside its transaction. */
	@FunctionalInterface
	public interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	/**
	 * Runs {@code work} in a read-only transaction under a statement timeout (clamped to
	 * what PostgreSQL accepts), then rolls it back and discards the session's state, so
	 * that nothing a check sets (set_config, advisory locks, prepared statements) reaches
	 * the next one.
	 */
	public <T> T readOnly(long timeoutMillis, Work<T> work) throws SQLException {
		if (pool == null) {
			throw new IllegalStateException(unavailable);
		}
		long timeout = Math.max(1, Math.min(timeoutMillis, Integer.MAX_VALUE));
		try (Connection connection = pool.getConnection()) {
			try {
				connection.setAutoCommit(false);
				try (Statement s = connection.createStatement()) {
					s.execute("SET TRANSACTION READ ONLY");
				}
				try (PreparedStatement s = connection
					.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
					s.setString(1, Long.toString(timeout));
					s.execute();
				}
				refuseSuperuser(connection);
				return work.run(connection);
			}
			finally {
				reset(connection);
			}
		}
	}

	private void refuseSuperuser(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
			if (rs.next() && rs.getBoolean(1)) {
				throw new SQLException("the sql checks' role '" + role + "' is a superuser: give them a role "
						+ "that may only read (docs/operations.md, \"Database roles\")", "42501");
			}
		}
	}

	/**
	 * A connection whose reset fails is broken: the pool drops it instead of lending it
	 * again.
	 */
	private void reset(Connection connection) {
		try {
			connection.rollback();
			connection.setAutoCommit(true);
			try (Statement s = connection.createStatement()) {
				s.execute("DISCARD ALL");
			}
		}
		catch (SQLException ex) {
			pool.evictConnection(connection);
		}
	}

	@Override
	public void close() {
		if (pool != null) {
			pool.close();
		}
	}

}
