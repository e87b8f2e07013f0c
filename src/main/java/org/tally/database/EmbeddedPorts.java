package org.tally.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * The configured port of the embedded server must be free before it starts: otherwise
 * PostgreSQL would fail with a log line few operators find.
 */
final class EmbeddedPorts {

	private EmbeddedPorts() {
	}

	static void requireFree(int port, Path pgData) {
		try (ServerSocket probe = new ServerSocket()) {
			probe.setReuseAddress(true);
			probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("cannot start the embedded PostgreSQL on " + pgData + ": port " + port
					+ " on 127.0.0.1 is taken by another program; set tally.db.port (TALLY_DB_PORT) to a free port, "
					+ "or 0 for any free port (docs/configuration.md)", ex);
		}
	}

}
