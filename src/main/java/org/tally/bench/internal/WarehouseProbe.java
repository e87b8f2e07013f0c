package org.tally.bench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tally.database.EmbeddedCredentials;

/**
 * A plain JDBC view of a data directory's embedded server, from outside the Tally process
 * under test: where it listens, what the current warehouse holds (as digests without load
 * ids, so two installations compare row for row), and what the server is doing right now.
 */
public final class WarehouseProbe implements AutoCloseable {

	private final Connection connection;

	private WarehouseProbe(Connection connection) {
		this.connection = connection;
	}

	/** The port of the live postmaster on {@code dataDir}/postgres, if one runs. */
	public static Optional<Integer> port(Path dataDir) {
		Optional<Long> pid = postmasterPid(dataDir);
		if (pid.isEmpty()) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"), StandardCharsets.UTF_8);
			return lines.size() < 4 || lines.get(3).isBlank() ? Optional.empty()
					: Optional.of(Integer.parseInt(lines.get(3).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The pid of the live postmaster on {@code dataDir}/postgres, if one runs. */
	public static Optional<Long> postmasterPid(Path dataDir) {
		try {
			List<String> lines = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"), StandardCharsets.UTF_8);
			long pid = Long.parseLong(lines.get(0).trim());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Connects to the server of {@code dataDir} once it accepts connections and has the
	 * tally database.
	 */
	public static WarehouseProbe connect(Path dataDir, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			Optional<Integer> port = port(dataDir);
			if (port.isPresent()) {
				try {
					Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port.get() + "/tally",
							EmbeddedCredentials.SUPERUSER,
							EmbeddedCredentials.of(dataDir).password(EmbeddedCredentials.SUPERUSER));
					c.setAutoCommit(true);
					return new WarehouseProbe(c);
				}
				catch (SQLException ex) {
					last = ex;
				}
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("no embedded PostgreSQL answered on " + dataDir + " within " + timeout
				+ (last == null ? "" : ": " + last.getMessage()));
	}

	/**
	 * Stops the postmaster of {@code dataDir} the way `pg_ctl stop -m immediate` does
	 * (SIGQUIT).
	 */
	public static void stopImmediately(Path dataDir) throws IOException, InterruptedException {
		Optional<Long> pid = postmasterPid(dataDir);
		if (pid.isPresent()) {
			new ProcessBuilder("kill", "-QUIT", pid.get().toString()).inheritIO().start().waitFor();
			awaitGone(pid.get(), Duration.ofSeconds(30));
		}
	}

	/**
	 * Stops the postmaster of {@code dataDir} cleanly (fast shutdown, SIGINT), if it
	 * runs.
	 */
	public static void stop(Path dataDir) throws IOException, InterruptedException {
		Optional<Long> pid = postmasterPid(dataDir);
		if (pid.isPresent()) {
			new ProcessBuilder("kill", "-INT", pid.get().toString()).inheritIO().start().waitFor();
			awaitGone(pid.get(), Duration.ofSeconds(60));
		}
	}

	private static void awaitGone(long pid, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
	}

	/**
	 * Locks Spring Batch's step progress against writers in a transaction held until
	 * {@link #releaseStepProgress()}: readers pass, while a run waits at the end of its
	 * current chunk (where it records its counts), so that it is surely still going.
	 */
	public void holdStepProgress() throws SQLException {
		connection.setAutoCommit(false);
		try (Statement lock = connection.createStatement()) {
			lock.execute("SET LOCAL lock_timeout = '60s'");
			lock.execute("LOCK TABLE batch_step_execution IN EXCLUSIVE MODE");
		}
	}

	/** Lets the runs held by {@link #holdStepProgress()} go on. */
	public void releaseStepProgress() throws SQLException {
		connection.rollback();
		connection.setAutoCommit(true);
	}

	public long count(String sql, Object... params) throws SQLException {
		try (PreparedStatement s = prepare(sql, params); ResultSet rs = s.executeQuery()) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

	public List<List<String>> rows(String sql, Object... params) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (PreparedStatement s = prepare(sql, params); ResultSet rs = s.executeQuery()) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> row = new ArrayList<>();
				for (int c = 1; c <= columns; c++) {
					row.add(rs.getString(c));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private PreparedStatement prepare(String sql, Object... params) throws SQLException {
		PreparedStatement s = connection.prepareStatement(sql);
		for (int i = 0; i < params.length; i++) {
			s.setObject(i + 1, params[i]);
		}
		return s;
	}

	/**
	 * Whether a backend (not this one) is running a statement that starts with
	 * {@code prefix}.
	 */
	public boolean running(String prefix) throws SQLException {
		return count("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state = 'active'"
				+ " AND query ILIKE ?", prefix + "%") > 0;
	}

	/** The newest run (Spring Batch job instance), or 0. */
	public long latestRun() throws SQLException {
		return count("SELECT coalesce(max(job_instance_id), 0) FROM batch_job_instance");
	}

	/**
	 * The current state as text to compare between installations: per warehouse table the
	 * count and md5 of its current rows (without load ids), the registry's loaded files,
	 * the latest figures.
	 */
	public Map<String, String> digest() throws SQLException {
		Map<String, String> digest = new LinkedHashMap<>();
		List<String> tables = new ArrayList<>();
		try (Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery(
						"SELECT table_name FROM information_schema.tables WHERE table_schema = 'warehouse' ORDER BY 1")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		for (String table : tables) {
			// The table names come from the server's own catalogue; quoting keeps any
			// name literal.
			String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
			List<String> row = rows("SELECT count(*), coalesce(md5(string_agg(r, E'\\n' ORDER BY r)), '-') FROM ("
					+ " SELECT l.period || '|' || l.source_id || '|' || l.file_path || '|' || (to_jsonb(w) - 'load_id')::text AS r"
					+ " FROM warehouse." + quoted + " w JOIN registry.load l ON l.id = w.load_id WHERE l.is_current) t")
				.get(0);
			digest.put("warehouse." + table, row.get(0) + " rows, md5 " + row.get(1));
		}
		digest.put("registry: loaded files",
				rows("SELECT file_path, status, is_current, rows_loaded, rows_rejected"
						+ " FROM registry.load WHERE status IN ('loaded', 'superseded') ORDER BY file_path, status")
					.toString());
		digest
			.put("registry: files loaded twice",
					rows("SELECT sha256, count(*) FROM registry.load"
							+ " WHERE status IN ('loaded', 'superseded') GROUP BY sha256 HAVING count(*) > 1")
						.toString());
		digest.put("figures", rows("SELECT DISTINCT ON (figure_id, as_of) figure_id, as_of, value, status"
				+ " FROM publish.figure_version ORDER BY figure_id, as_of, id DESC")
			.toString());
		return digest;
	}

	/** Rows whose value compares: the current rows of every warehouse table. */
	public long currentRows() throws SQLException {
		long total = 0;
		for (List<String> row : rows(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'warehouse'")) {
			total += count("SELECT count(*) FROM warehouse.\"" + row.get(0).replace("\"", "\"\"")
					+ "\" w JOIN registry.load l ON l.id = w.load_id WHERE l.is_current");
		}
		return total;
	}

	/**
	 * What a reader sees of one period's current project rows: "load N: R rows" per
	 * current load, and whether that is whole (one current load, all its rows).
	 */
	public Sight sight(LocalDate period) throws SQLException {
		List<List<String>> loads = rows("SELECT l.id, l.rows_loaded, (SELECT count(*) FROM warehouse.projects w"
				+ " WHERE w.load_id = l.id) FROM registry.load l WHERE l.is_current AND l.period = ? AND l.dataset = 'projects'",
				period);
		boolean whole = loads.size() == 1 && loads.get(0).get(1) != null
				&& loads.get(0).get(1).equals(loads.get(0).get(2));
		return new Sight(loads.isEmpty() ? -1 : Long.parseLong(loads.get(0).get(0)), whole, loads.toString());
	}

	/**
	 * One look at a period: the current load (or -1), whether it is whole, and what was
	 * seen.
	 */
	public record Sight(long load, boolean whole, String seen) {
	}

	@Override
	public void close() {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// the server may already be gone: nothing to release
		}
	}

}
