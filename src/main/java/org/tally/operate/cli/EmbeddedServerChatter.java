package org.tally.operate.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;
import org.tally.database.EmbeddedPostgresServer;

/**
 * Silences the embedded server library's log for commands that start and stop servers of
 * their own (`bench --startup`, `faults`): its lines would bury the report, and with
 * `--format json` they would land in the JSON on standard output.
 */
final class EmbeddedServerChatter {

	private EmbeddedServerChatter() {
	}

	static void silence() {
		if (LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger zonky) {
			zonky.setLevel(Level.OFF);
		}
		// Before any context has configured logging, Logback's default writes INFO lines
		// such as "Started embedded PostgreSQL" to standard output.
		if (LoggerFactory.getLogger(EmbeddedPostgresServer.class) instanceof ch.qos.logback.classic.Logger server) {
			server.setLevel(Level.WARN);
		}
	}

}
