package org.tally.database;

import static org.tally.database.EmbeddedCredentials.CHECKER;
import static org.tally.database.EmbeddedCredentials.OWNER;
import static org.tally.database.EmbeddedCredentials.SUPERUSER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks the embedded server: passwords (scram-sha-256) for every connection, Tally's
 * owner role without superuser rights owning the database and everything in it, and the
 * read-only role of the sql checks. A data directory initialised with trust before is
 * migrated in place; its objects change owner and keep their data.
 */
final class EmbeddedRoles {

	/** Serialises processes that start on the same server at once ("tallyrol"). */
	private static final long BOOTSTRAP_LOCK = 0x7461_6c6c_7972_6f6cL;

	static final String HBA = """
			# Written by Tally: every connection authenticates with a password (scram-sha-256).
			# The passwords are in <data-dir>/postgres-credentials.properties (docs/operations.md).
			local   all          all                  scram-sha-256
			host    all          all   127.0.0.1/32   scram-sha-256
			host    all          all   ::1/128        scram-sha-256
			local   replication  all                  scram-sha-256
			host    replication  all   127.0.0.1/32   scram-sha-256
			host    replication  all   ::1/128        scram-sha-256
			""";

	private static final String NOT_SYSTEM = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

	/**
	 * Every object of Tally's schemas that the superuser owns; what changes owner with
	 * its table (a serial's sequence, a table's row type) is left to the table.
	 */
	private static final String SUPERUSER_OWNED = """
			SELECT format('ALTER SCHEMA %I OWNER TO tally', n.nspname) FROM pg_namespace n
			WHERE n.nspowner = 'postgres'::regrole AND $1
			UNION ALL
			SELECT format(CASE c.relkind WHEN 'v' THEN 'ALTER VIEW %I.%I OWNER TO tally'
			                             WHEN 'm' THEN 'ALTER MATERIALIZED VIEW %I.%I OWNER TO tally'
			                             WHEN 'S' THEN 'ALTER SEQUENCE %I.%I OWNER TO tally'
			                             WHEN 'f' THEN 'ALTER FOREIGN TABLE %I.%I OWNER TO tally'
			                             ELSE 'ALTER TABLE %I.%I OWNER TO tally' END, n.nspname, c.relname)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relowner = 'postgres'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND $1
			  AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			                                       AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
			UNION ALL
			SELECT format('ALTER ROUTINE %s OWNER TO tally', p.oid::regprocedure)
			FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE p.proowner = 'postgres'::regrole AND $1
			UNION ALL
			SELECT format('ALTER TYPE %s OWNER TO tally', t.oid::regtype)
			FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE t.typowner = 'postgres'::regrole AND t.typtype IN ('d', 'e', 'r') AND $1""".replace("$1", NOT_SYSTEM);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRoles.class);

	private final EmbeddedPostgresServer server;

	private final EmbeddedCredentials credentials;

	EmbeddedRoles(EmbeddedPostgresServer server, EmbeddedCredentials credentials) {
		this.server = server;
		this.credentials = credentials;
	}

	/** Idempotent: a start on a locked server finds everything in place. */
	void secure() {
		try (Connection c = server.connect("postgres", SUPERUSER); Statement s = c.createStatement()) {
			s.execute("SELECT pg_advisory_lock(" + BOOTSTRAP_LOCK + ")");
			requirePasswords(c);
			ensureRole(c, OWNER);
			ensureRole(c, CHECKER);
			// A second guard under the checks' own transaction settings.
			s.execute("ALTER ROLE " + CHECKER + " SET default_transaction_read_only = on");
			// The benchmark's CHECKPOINT between repetitions; no data access comes with
			// it.
			s.execute("GRANT pg_checkpoint TO " + OWNER);
			ensureDatabase(c);
		}
		catch (SQLException ex) {
			throw refused(ex);
		}
		try (Connection c = server.connect(EmbeddedPostgresServer.DATABASE, SUPERUSER)) {
			moveOwnershipToOwner(c);
		}
		catch (SQLException ex) {
			throw refused(ex);
		}
	}

	private EmbeddedDatabaseException refused(SQLException ex) {
		String hint = "28P01".equals(ex.getSQLState()) ? " (the server refuses the password in " + credentials.file()
				+ ": restore the file written when this data directory was created)" : "";
		return new EmbeddedDatabaseException(
				"cannot secure the embedded PostgreSQL on " + server.dataDirectory() + ": " + ex.getMessage() + hint,
				ex);
	}

	/**
	 * A directory initialised before passwords were required trusts every local
	 * connection: give the superuser its password, then require passwords.
	 */
	private void requirePasswords(Connection c) throws SQLException {
		if (count(c, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'") == 0) {
			return;
		}
		log.warn(
				"The embedded PostgreSQL on {} trusted every local connection: migrating it to scram-sha-256 "
						+ "passwords (kept in {}), Tally's own role '{}' and a read-only role '{}' for the sql checks",
				server.dataDirectory(), credentials.file(), OWNER, CHECKER);
		setPassword(c, SUPERUSER);
		Path hba;
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW hba_file")) {
			rs.next();
			hba = Path.of(rs.getString(1));
		}
		try {
			Files.writeString(hba, HBA, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot rewrite " + hba, ex);
		}
		try (Statement s = c.createStatement()) {
			s.execute("SELECT pg_reload_conf()");
		}
		awaitPasswordsRequired();
	}

	/** The postmaster reloads its configuration when it gets to it: wait until it has. */
	private void awaitPasswordsRequired() {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.acceptsWithoutPassword()) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new EmbeddedDatabaseException(
				"the embedded PostgreSQL on " + server.dataDirectory() + " still accepts connections without password",
				null);
	}

	/** Created and given its password in one transaction: nobody sees it without one. */
	private void ensureRole(Connection c, String role) throws SQLException {
		if (count(c, "SELECT count(*) FROM pg_roles WHERE rolname = ?", role) > 0) {
			return;
		}
		c.setAutoCommit(false);
		try (Statement s = c.createStatement()) {
			s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
			setPassword(c, role);
			c.commit();
		}
		finally {
			c.setAutoCommit(true);
		}
	}

	/** Hashed by the driver (SCRAM): the password itself never reaches the server. */
	private void setPassword(Connection c, String role) throws SQLException {
		c.unwrap(PGConnection.class).alterUserPassword(role, credentials.password(role).toCharArray(), "scram-sha-256");
	}

	private void ensureDatabase(Connection c) throws SQLException {
		String database = EmbeddedPostgresServer.DATABASE;
		try (PreparedStatement owner = c
			.prepareStatement("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
			owner.setString(1, database);
			try (ResultSet rs = owner.executeQuery(); Statement s = c.createStatement()) {
				if (!rs.next()) {
					s.execute(
							"CREATE DATABASE " + database + " OWNER " + OWNER + " ENCODING 'UTF8' TEMPLATE template0");
				}
				else if (!OWNER.equals(rs.getString(1))) {
					s.execute("ALTER DATABASE " + database + " OWNER TO " + OWNER);
				}
			}
		}
	}

	private void moveOwnershipToOwner(Connection c) throws SQLException {
		List<String> statements = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SUPERUSER_OWNED)) {
			while (rs.next()) {
				statements.add(rs.getString(1));
			}
		}
		if (statements.isEmpty()) {
			return;
		}
		c.setAutoCommit(false);
		try (Statement s = c.createStatement()) {
			for (String statement : statements) {
				s.execute(statement);
			}
			c.commit();
		}
		finally {
			c.setAutoCommit(true);
		}
		log.warn("Moved {} schemas and objects of database '{}' from the superuser to Tally's role '{}'",
				statements.size(), EmbeddedPostgresServer.DATABASE, OWNER);
	}

	private static long count(Connection c, String sql, String... params) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setString(i + 1, params[i]);
			}
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
