package org.tally.warehouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SqlIdentifier;
import org.tally.ingest.LoadContext;
import org.tally.ingest.LoadRef;
import org.tally.ingest.LoadRegistry;
import org.tally.ingest.LoadStaged;
import org.tally.validate.ValidRow;
import org.tally.warehouse.internal.CopyStream;
import org.tally.warehouse.internal.KeyFingerprints;

/**
 * Stages valid rows: binary COPY straight into warehouse.&lt;dataset&gt; under each row's
 * load id. Nobody sees them until promotion makes their load current (every reader joins
 * the current loads), so they are written once, never copied again. The COPY runs on a
 * stream of its own ({@link CopyStream}): PostgreSQL stores a chunk while the step reads
 * and validates the next, and a load's rows are committed before the transaction that
 * marks the load staged commits. A crash in between leaves the load pending, and a
 * restart re-reads it whole after discarding its rows. Totals rows go to
 * staging.totals_row, in the chunk's transaction.
 */
public class StagingWriter implements ItemWriter<StagedRow>, ItemStream {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final LoadRegistry registry;

	/**
	 * The open step's COPY stream; one step at a time stages rows (runs never overlap).
	 */
	private final AtomicReference<CopyStream> stream = new AtomicReference<>();

	private final Set<Long> runs = ConcurrentHashMap.newKeySet();

	/**
	 * Per load being staged: its rows' count and key fingerprints, until the load is
	 * marked staged.
	 */
	private final Map<Long, StagedLoad> loads = new ConcurrentHashMap<>();

	public StagingWriter(DataSource dataSource, JdbcClient jdbc, LoadRegistry registry) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.registry = registry;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		closeLoads();
		CopyStream previous = stream.getAndSet(new CopyStream(dataSource, "tally-copy"));
		if (previous != null) {
			throw new IllegalStateException("two ingest steps at once in one process: runs must not overlap");
		}
	}

	@Override
	public void write(Chunk<? extends StagedRow> chunk) throws SQLException {
		// Keyed by name: a chunk's rows are nearly all of one dataset, and a name hashes
		// cheaply where the whole dataset declaration, hashed for every row, does not.
		Map<String, Batch> copies = new LinkedHashMap<>();
		List<ValidRow> totals = new ArrayList<>();
		long currentLoad = -1;
		StagedLoad staging = null;
		for (StagedRow staged : chunk) {
			LoadRef load = staged.context().load();
			if (staged.totals() != null) {
				totals.add(staged.totals());
				runs.add(load.runId());
				continue;
			}
			DatasetDefinition dataset = staged.context().dataset();
			// Rows come file by file: look up the file's run and tracker once per file.
			// Every staged
			// row must reach the tracker, or "distinct" would be claimed unseen.
			if (load.id() != currentLoad) {
				currentLoad = load.id();
				runs.add(load.runId());
				staging = loads.computeIfAbsent(currentLoad, id -> new StagedLoad());
			}
			copies.computeIfAbsent(dataset.name(), name -> new Batch(dataset)).add(staged.tuple(), currentLoad);
			staging.rows++;
			staging.keys.add(staged.keyFingerprint());
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (var statement = connection.createStatement()) {
			// The chunk's transaction holds bookkeeping (counts, rejects, which load is
			// staged); all of
			// it is re-derived by a restart, so it need not wait for its WAL flush.
			statement.execute("SET LOCAL synchronous_commit = off");
		}
		for (Batch batch : copies.values()) {
			open().send(copySql(batch.dataset), "warehouse." + batch.dataset.name() + " rows of load(s) " + batch.loads,
					batch.tuples);
		}
		for (ValidRow row : totals) {
			writeTotals(row);
		}
	}

	/**
	 * Before the chunk that marks a load staged commits, the load's rows are committed,
	 * and their count and whether their keys were all distinct are recorded: promotion
	 * then neither counts them again nor searches them for repeats.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void onLoadStaged(LoadStaged staged) {
		CopyStream open = stream.get();
		if (open != null) {
			open.commit();
		}
		StagedLoad load = loads.remove(staged.loadId());
		if (load == null) {
			registry.recordStaged(staged.loadId(), null, false); // no row seen here:
																	// promotion counts
																	// and searches
		}
		else {
			try (load) {
				registry.recordStaged(staged.loadId(), load.rows, !load.keys.maybeRepeated());
			}
		}
	}

	@Override
	public void close() {
		try {
			CopyStream open = stream.getAndSet(null);
			if (open != null) {
				open.close();
			}
			// A file quarantined mid-read had its staged rows deleted while some were
			// still in flight: now that everything is committed, none of them may stay.
			runs.forEach(registry::discardQuarantined);
			runs.clear();
		}
		finally {
			closeLoads(); // loads never marked staged (a failed step) delete their runs
		}
	}

	private void closeLoads() {
		try {
			loads.values().forEach(StagedLoad::close);
		}
		finally {
			loads.clear();
		}
	}

	private CopyStream open() {
		CopyStream open = stream.get();
		if (open == null) {
			throw new IllegalStateException("the staging writer was not opened by its step");
		}
		return open;
	}

	/**
	 * Binary COPY: typed values travel as they are, with no text to print here or to
	 * parse there.
	 */
	private static String copySql(DatasetDefinition dataset) {
		StringBuilder sql = new StringBuilder("COPY warehouse.").append(SqlIdentifier.quote(dataset.name()))
			.append(" (load_id, row_number");
		for (ColumnDefinition column : dataset.columns()) {
			sql.append(", ").append(SqlIdentifier.quote(column.name()));
		}
		return sql.append(") FROM STDIN (FORMAT binary)").toString();
	}

	private void writeTotals(ValidRow row) {
		LoadContext context = row.context();
		List<ColumnDefinition> columns = context.dataset().columns();
		for (int i = 0; i < columns.size(); i++) {
			if (row.values()[i] instanceof Number number) {
				jdbc.sql("""
						INSERT INTO staging.totals_row (load_id, row_number, column_name, cell_ref, value)
						VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(context.load().id(), row.rowNumber(), columns.get(i).name(),
							context.cellRef(i, row.rowNumber()), new BigDecimal(number.toString()))
					.update();
			}
		}
	}

	/** One load's rows sent to COPY so far: how many, and their keys' fingerprints. */
	private static final class StagedLoad implements AutoCloseable {

		private final KeyFingerprints keys = new KeyFingerprints();

		private long rows;

		@Override
		public void close() {
			keys.close();
		}

	}

	/**
	 * One dataset's tuples of a chunk, and the loads they belong to (named if the COPY
	 * fails).
	 */
	private static final class Batch {

		private final DatasetDefinition dataset;

		private final List<byte[]> tuples = new ArrayList<>();

		private final Set<Long> loads = new TreeSet<>();

		private long lastLoad = -1;

		private Batch(DatasetDefinition dataset) {
			this.dataset = dataset;
		}

		private void add(byte[] tuple, long load) {
			tuples.add(tuple);
			if (load != lastLoad) {
				loads.add(load);
				lastLoad = load;
			}
		}

	}

}
