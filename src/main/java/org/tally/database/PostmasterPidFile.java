package org.tally.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data directory's postmaster.pid (line 1 the pid, line 4 the port). After a crash it
 * may name a pid the system has since given to another process: the server is live only
 * when that process is alive and its port answers as PostgreSQL.
 */
record PostmasterPidFile(Path file, long pid, int port) {

	/** PostgreSQL's SSLRequest: any server answers it with one byte, before any login. */
	private static final byte[] SSL_REQUEST = { 0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f };

	private static final int PROBE_TIMEOUT_MILLIS = 2_000;

	private static final Logger log = LoggerFactory.getLogger(PostmasterPidFile.class);

	static Optional<PostmasterPidFile> read(Path pgData) {
		Path file = pgData.resolve("postmaster.pid");
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			if (lines.size() < 4) {
				return Optional.empty();
			}
			return Optional.of(new PostmasterPidFile(file, Long.parseLong(lines.get(0).trim()),
					Integer.parseInt(lines.get(3).trim())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * PostgreSQL refuses to start while the pid in the file is alive, whoever it belongs
	 * to: remove the file when that process is not a postgres and nothing answers as
	 * PostgreSQL on its port.
	 */
	static void removeIfStale(Path pgData) throws IOException {
		Optional<PostmasterPidFile> pidFile = read(pgData);
		if (pidFile.isEmpty() || !pidFile.get().alive() || pidFile.get().isLiveServer()) {
			return;
		}
		PostmasterPidFile stale = pidFile.get();
		Optional<String> command = ProcessHandle.of(stale.pid()).flatMap(p -> p.info().command());
		if (command.isEmpty() || Path.of(command.get()).getFileName().toString().equals("postgres")) {
			return; // perhaps a postmaster on its way up or down: PostgreSQL's own lock
					// decides
		}
		log.warn("Removing the stale {}: its pid {} now belongs to {}, and port {} does not answer as PostgreSQL",
				stale.file(), stale.pid(), command.get(), stale.port());
		Files.deleteIfExists(stale.file());
	}

	boolean alive() {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	boolean isLiveServer() {
		return alive() && answersAsPostgres(port);
	}

	private static boolean answersAsPostgres(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MILLIS);
			socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(SSL_REQUEST);
			out.flush();
			InputStream in = socket.getInputStream();
			int answer = in.read();
			return answer == 'S' || answer == 'N';
		}
		catch (IOException ex) {
			return false;
		}
	}

}
