package org.tally.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tally.catalog.Catalog;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.SqlIdentifier;

/** The registry of files: which content was seen, loaded, quarantined or superseded. */
@Component
public class LoadRegistry {

	/** The columns {@link #loadRef} reads, in its order. */
	private static final String LOAD_REF_COLUMNS = "id, run_id, source_id, dataset, file_path, file_name, sha256";

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final TransactionTemplate ownTransaction;

	LoadRegistry(JdbcClient jdbc, Catalog catalog, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.events = events;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	Optional<Long> loadedWithContent(String sha256) {
		return jdbc.sql("SELECT id FROM registry.load WHERE sha256 = ? AND status IN ('loaded', 'superseded')")
			.param(sha256)
			.query(Long.class)
			.optional();
	}

	Optional<Long> registeredInRun(long runId, String sha256) {
		return jdbc.sql(
				"SELECT min(id) FROM registry.load WHERE run_id = ? AND sha256 = ? AND status IN ('pending', 'staged')")
			.param(runId)
			.param(sha256)
			.query(Long.class)
			.optional();
	}

	/**
	 * Loads a failed run left half-done are taken over by this run; a restart of that run
	 * then skips them, and the rows they had staged go.
	 */
	int abandonUnfinished(String sha256, long runId) {
		List<LoadRef> abandoned = jdbc.sql("""
				UPDATE registry.load SET status = 'abandoned', reason = 'taken over by run ' || ?
				WHERE sha256 = ? AND run_id <> ? AND status IN ('pending', 'staged')
				RETURNING %s""".formatted(LOAD_REF_COLUMNS))
			.param(String.valueOf(runId))
			.param(sha256)
			.param(runId)
			.query(LoadRegistry::loadRef)
			.list();
		// Its rejects stay: they tell what that run found.
		abandoned.forEach(this::discardRows);
		return abandoned.size();
	}

	long register(long runId, String sourceId, String department, String dataset, String filePath, String fileName,
			String sha256, long sizeBytes, LoadStatus status, String reason, Long duplicateOf) {
		return jdbc.sql("""
				INSERT INTO registry.load (run_id, source_id, department, dataset, file_path, file_name, sha256,
				                           size_bytes, status, reason, duplicate_of)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(runId, sourceId, department, dataset, filePath, fileName, sha256, sizeBytes, status.sql(), reason,
					duplicateOf)
			.query(Long.class)
			.single();
	}

	/** Loads of this run still to be read, oldest first. */
	public List<LoadRef> pending(long runId) {
		return withStatus(runId, LoadStatus.PENDING);
	}

	/** Loads of this run read into staging and waiting for promotion. */
	public List<LoadRef> staged(long runId) {
		return withStatus(runId, LoadStatus.STAGED);
	}

	/**
	 * Sheet, period, the header text of each column and the sheet column of every mapped
	 * dataset column, kept so checks can name a row's exact cell and rejects its header.
	 * In a transaction of its own (a later quarantine must not wait on the chunk's lock)
	 * not waiting for its WAL flush: a crash loses the later "staged" too, so a restart
	 * describes again.
	 */
	void describe(LoadContext context) {
		List<String> columns = context.dataset().columns().stream().map(ColumnDefinition::name).toList();
		int[] mapped = IntStream.range(0, columns.size()).filter(i -> !context.columnLetter(i).isEmpty()).toArray();
		ownTransaction.executeWithoutResult(status -> {
			jdbc.sql("SET LOCAL synchronous_commit = off").update();
			jdbc.sql(
					"""
							WITH described AS (
							  UPDATE registry.load SET sheet = ?, period = ?, header_texts = (SELECT jsonb_object_agg(l, t)
							         FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS h(l, t)) WHERE id = ? RETURNING id)
							INSERT INTO registry.load_column (load_id, column_name, column_letter)
							SELECT d.id, c.name, c.letter FROM described d, unnest(CAST(? AS text[]), CAST(? AS text[])) AS c(name, letter)
							ON CONFLICT (load_id, column_name) DO UPDATE SET column_letter = excluded.column_letter""")
				.params(context.sheet(), context.period(), context.headerTexts().keySet().toArray(String[]::new),
						context.headerTexts().values().toArray(String[]::new), context.load().id(),
						Arrays.stream(mapped).mapToObj(columns::get).toArray(String[]::new),
						Arrays.stream(mapped).mapToObj(context::columnLetter).toArray(String[]::new))
				.update();
		});
	}

	void markStaged(long loadId, long runId) {
		jdbc.sql("UPDATE registry.load SET status = 'staged' WHERE id = ? AND status = 'pending'")
			.param(loadId)
			.update();
		events.publishEvent(new LoadStaged(loadId, runId));
	}

	/**
	 * Quarantines a file in a transaction of its own, removing whatever of it earlier
	 * chunks staged, so the run goes on with the other files and nothing of this one is
	 * ever promoted.
	 */
	void quarantine(LoadRef load, String reason) {
		ownTransaction.executeWithoutResult(status -> {
			discardStaged(load);
			jdbc.sql("UPDATE registry.load SET status = 'quarantined', reason = ?, is_current = false WHERE id = ?")
				.params(reason, load.id())
				.update();
		});
	}

	/**
	 * Removes the rows staged for a load (in warehouse.&lt;dataset&gt;, invisible while
	 * the load is not current), so that re-reading it after a restart cannot stage them
	 * twice.
	 */
	void discardStaged(LoadRef load) {
		discardRows(load);
		jdbc.sql("DELETE FROM registry.reject WHERE load_id = ?").param(load.id()).update();
	}

	/**
	 * Records how many rows were staged for a load and whether they were seen to repeat
	 * no key (see promotion); called in the transaction that marks the load staged.
	 */
	public void recordStaged(long loadId, Long rows, boolean keysDistinct) {
		jdbc.sql("UPDATE registry.load SET rows_staged = ?, keys_distinct = ? WHERE id = ?")
			.params(rows, keysDistinct, loadId)
			.update();
	}

	/**
	 * The rows the ingest step staged for a load, if it recorded them (older code did
	 * not, nor does a file whose every row was rejected).
	 */
	public OptionalLong rowsStaged(long loadId) {
		// list(), not single(): the column is null when every row was rejected
		Long rows = jdbc.sql("SELECT rows_staged FROM registry.load WHERE id = ?")
			.param(loadId)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
		return rows == null ? OptionalLong.empty() : OptionalLong.of(rows);
	}

	/** Whether staging or promotion proved that no key of the load repeats. */
	public boolean keysDistinct(long loadId) {
		return jdbc.sql("SELECT coalesce(keys_distinct, false) FROM registry.load WHERE id = ?")
			.param(loadId)
			.query(Boolean.class)
			.single();
	}

	/** Promotion's proof that no key repeats: it searched, and moved any repeat away. */
	public void recordKeysDistinct(long loadId) {
		jdbc.sql("UPDATE registry.load SET keys_distinct = true WHERE id = ?").param(loadId).update();
	}

	private void discardRows(LoadRef load) {
		jdbc.sql("UPDATE registry.load SET keys_distinct = NULL, rows_staged = NULL WHERE id = ?")
			.param(load.id())
			.update();
		jdbc.sql("DELETE FROM warehouse." + quoted(load.dataset()) + " WHERE load_id = ?").param(load.id()).update();
		jdbc.sql("DELETE FROM staging.totals_row WHERE load_id = ?").param(load.id()).update();
	}

	/**
	 * Rows that reached staging from files quarantined later in the same chunk are
	 * removed here.
	 */
	public void discardQuarantined(long runId) {
		withStatus(runId, LoadStatus.QUARANTINED).forEach(this::discardStaged);
	}

	/**
	 * Marks a staged load rejected for its reject rate: it stays in staging as history,
	 * never promoted.
	 */
	public void reject(long loadId, String reason, int rowsRead, int rowsLoaded, int rowsRejected) {
		jdbc.sql("""
				UPDATE registry.load SET status = 'rejected', reason = ?, rows_read = ?, rows_loaded = 0,
				       rows_rejected = ? WHERE id = ?""").params(reason, rowsRead, rowsRejected, loadId).update();
	}

	/**
	 * Makes a staged load the current one of its source and period, superseding the
	 * previous; call inside the promotion transaction so readers see either the old or
	 * the new load, never both.
	 */
	public void makeCurrent(long loadId, int rowsRead, int rowsLoaded, int rowsRejected) {
		jdbc.sql("""
				UPDATE registry.load old SET is_current = false, status = 'superseded',
				       reason = 'superseded by load ' || new.id || ' (' || new.file_name || ')'
				FROM registry.load new
				WHERE new.id = ? AND old.is_current AND old.source_id = new.source_id AND old.period = new.period""")
			.param(loadId)
			.update();
		jdbc.sql("""
				UPDATE registry.load SET status = 'loaded', is_current = true, loaded_at = now(), rows_read = ?,
				       rows_loaded = ?, rows_rejected = ? WHERE id = ?""")
			.params(rowsRead, rowsLoaded, rowsRejected, loadId)
			.update();
	}

	public Optional<LoadedFile> describeLoad(long loadId) {
		return jdbc.sql("SELECT id, source_id, dataset, file_name, sheet, period FROM registry.load WHERE id = ?")
			.param(loadId)
			.query((rs, n) -> new LoadedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, LocalDate.class)))
			.optional();
	}

	/** Every sighting of every file, newest first; {@code runId} null for all runs. */
	public List<FileRecord> files(Long runId) {
		String where = runId == null ? "" : " WHERE run_id = ?";
		var statement = jdbc.sql("""
				SELECT id, run_id, source_id, department, dataset, file_path, period, sha256, size_bytes, status,
				       reason, rows_read, rows_loaded, rows_rejected, is_current, seen_at
				FROM registry.load""" + where + " ORDER BY id DESC");
		if (runId != null) {
			statement = statement.param(runId);
		}
		return statement.query(LoadRegistry::fileRecord).list();
	}

	/** The periods that have at least one current load, oldest first. */
	public List<LocalDate> currentPeriods() {
		return jdbc.sql("SELECT DISTINCT period FROM registry.load WHERE is_current ORDER BY period")
			.query(LocalDate.class)
			.list();
	}

	/** The loads of a run in one status, oldest first. */
	private List<LoadRef> withStatus(long runId, LoadStatus status) {
		return jdbc
			.sql("SELECT " + LOAD_REF_COLUMNS + " FROM registry.load WHERE run_id = ? AND status = ? ORDER BY id")
			.params(runId, status.sql())
			.query(LoadRegistry::loadRef)
			.list();
	}

	private static LoadRef loadRef(ResultSet rs, int n) throws SQLException {
		return new LoadRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7));
	}

	private static FileRecord fileRecord(ResultSet rs, int n) throws SQLException {
		return new FileRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getLong(9),
				LoadStatus.fromSql(rs.getString(10)), rs.getString(11), (Integer) rs.getObject(12),
				(Integer) rs.getObject(13), (Integer) rs.getObject(14), rs.getBoolean(15),
				rs.getObject(16, OffsetDateTime.class));
	}

	private String quoted(String dataset) {
		return SqlIdentifier.quote(catalog.dataset(dataset).name());
	}

}
