package org.tally.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The database accounts of analysts and BI tools: login roles, members of the group role
 * {@value #GROUP}, which may SELECT on the reporting schema and nothing else. Roles are
 * made by the superuser of the embedded server, or on an external database by Tally's own
 * role (which then needs CREATEROLE); the grants are given by the schema's owner.
 */
public final class ReaderRoles {

	/** The group role whose rights every reader inherits. */
	public static final String GROUP = "tally_reader";

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	/** What a role may hold or do that readers may not: the grants of the group. */
	private static final String[] GRANTS = { "GRANT USAGE ON SCHEMA reporting TO " + GROUP,
			"GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO " + GROUP,
			"ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO " + GROUP };

	/** Opens a connection that may create roles. */
	@FunctionalInterface
	interface Admin {

		Connection connect() throws SQLException;

	}

	private final DataSource owner;

	private final Admin admin;

	private final Set<String> reserved;

	ReaderRoles(DataSource owner, Admin admin, Set<String> reserved) {
		this.owner = owner;
		this.admin = admin;
		this.reserved = reserved;
	}

	/** A reader role and whether it may log in. */
	public record Reader(String name, boolean canLogin) {
	}

	/**
	 * Creates the login role {@code name} with {@code password} (hashed by the driver:
	 * the server never sees it), read-only by default and with reporting first on its
	 * search path.
	 */
	public void add(String name, char[] password) {
		requireName(name);
		if (password == null || password.length < 8) {
			throw new ReaderRoleException("reader '" + name + "': the password needs at least 8 characters");
		}
		try {
			try (Connection c = admin.connect(); Statement s = c.createStatement()) {
				if (!exists(c, GROUP)) {
					s.execute("CREATE ROLE " + GROUP + " NOLOGIN");
				}
			}
			try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
				for (String grant : GRANTS) {
					s.execute(grant);
				}
			}
			try (Connection c = admin.connect()) {
				if (exists(c, name)) {
					throw new ReaderRoleException("reader '" + name + "': a role of that name exists already");
				}
				String role = c.unwrap(PGConnection.class).escapeIdentifier(name);
				c.setAutoCommit(false);
				try (Statement s = c.createStatement()) {
					s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
							+ " NOBYPASSRLS IN ROLE " + GROUP);
					c.unwrap(PGConnection.class).alterUserPassword(name, password, "scram-sha-256");
					s.execute("ALTER ROLE " + role + " SET default_transaction_read_only = on");
					s.execute("ALTER ROLE " + role + " SET search_path = reporting");
					c.commit();
				}
			}
		}
		catch (SQLException ex) {
			throw failed("add", name, ex);
		}
	}

	/** The members of {@value #GROUP}, by name. */
	public List<Reader> list() {
		List<Reader> readers = new ArrayList<>();
		try (Connection c = owner.getConnection(); PreparedStatement s = c.prepareStatement("""
				SELECT r.rolname, r.rolcanlogin FROM pg_roles r
				JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid
				WHERE g.rolname = ? ORDER BY r.rolname""")) {
			s.setString(1, GROUP);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					readers.add(new Reader(rs.getString(1), rs.getBoolean(2)));
				}
			}
			return readers;
		}
		catch (SQLException ex) {
			throw failed("list", GROUP, ex);
		}
	}

	/** Drops a reader role; any other role is refused. */
	public void remove(String name) {
		requireName(name);
		if (list().stream().noneMatch(r -> r.name().equals(name))) {
			throw new ReaderRoleException("reader '" + name + "' does not exist (tally readers list)");
		}
		try (Connection c = admin.connect(); Statement s = c.createStatement()) {
			s.execute("DROP ROLE " + c.unwrap(PGConnection.class).escapeIdentifier(name));
		}
		catch (SQLException ex) {
			throw failed("remove", name, ex);
		}
	}

	private void requireName(String name) {
		if (name == null || !NAME.matcher(name).matches() || name.startsWith("pg_")) {
			throw new ReaderRoleException("reader '" + name
					+ "': a name is lower-case letters, digits and underscores, starting with a letter (not pg_)");
		}
		if (reserved.contains(name) || GROUP.equals(name)) {
			throw new ReaderRoleException("reader '" + name + "': that name is one of Tally's own roles");
		}
	}

	private static boolean exists(Connection c, String role) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			s.setString(1, role);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next();
			}
		}
	}

	private static ReaderRoleException failed(String action, String name, SQLException ex) {
		String hint = "42501".equals(ex.getSQLState())
				? " (on an external PostgreSQL, Tally's role needs CREATEROLE to manage readers: docs/reporting.md)"
				: "";
		return new ReaderRoleException("cannot " + action + " reader '" + name + "': " + ex.getMessage() + hint, ex);
	}

}
