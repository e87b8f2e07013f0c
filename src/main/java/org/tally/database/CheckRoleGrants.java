package org.tally.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.postgresql.PGConnection;

/**
 * After every migration, as the schemas' owner: the sql checks' role may read the
 * registry, staging and warehouse schemas (today's tables and the dataset tables Tally
 * creates later), and nothing else.
 */
final class CheckRoleGrants implements Callback {

	/** Serialises processes that migrate at once ("tallygrt"). */
	private static final long GRANT_LOCK = 0x7461_6c6c_7967_7274L;

	private static final String SCHEMAS = "registry, staging, warehouse";

	private final String role;

	CheckRoleGrants(String role) {
		this.role = role;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE && role != null && !role.isBlank();
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		Connection c = context.getConnection();
		try {
			if (!roleExists(c)) {
				return; // an external database whose role is not set up yet: the checks
						// say so
			}
			String grantee = c.unwrap(PGConnection.class).escapeIdentifier(role);
			boolean autoCommit = c.getAutoCommit();
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("SELECT pg_advisory_xact_lock(" + GRANT_LOCK + ")");
				s.execute("GRANT USAGE ON SCHEMA " + SCHEMAS + " TO " + grantee);
				s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + SCHEMAS + " TO " + grantee);
				s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + SCHEMAS + " GRANT SELECT ON TABLES TO " + grantee);
				if (autoCommit) {
					c.commit();
				}
			}
			finally {
				c.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new FlywayException("cannot grant the sql checks' role '" + role + "' read access to " + SCHEMAS
					+ ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether a migration would have nothing to grant: no role, a role not set up yet, or
	 * one that may already use the schemas (new tables come with the default privileges).
	 */
	boolean granted(Connection c) throws SQLException {
		if (role == null || role.isBlank() || !roleExists(c)) {
			return true;
		}
		try (PreparedStatement s = c.prepareStatement("SELECT bool_and(has_schema_privilege(?, nspname, 'USAGE'))"
				+ " FROM pg_namespace WHERE nspname = ANY (string_to_array(?, ', '))")) {
			s.setString(1, role);
			s.setString(2, SCHEMAS);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private boolean roleExists(Connection c) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			s.setString(1, role);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next();
			}
		}
	}

	@Override
	public String getCallbackName() {
		return "tally-check-role-grants";
	}

}
