package org.tally.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.internal.SheetLayout;
import org.tally.ingest.internal.SheetLayoutLocator;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.UnreadableFileException;

/**
 * One sheet read on a thread of its own, a bounded number of row batches ahead of its
 * reader, so that reading a file and loading its rows use both cores. That thread finds
 * the layout in the head rows, then lines up each data row and, for a CSV, hands it to
 * the caller's {@code finisher} (validation and encoding, in a nightly run) at once,
 * while the row's cells are still in its core's cache: handed over raw, every cell was
 * fetched again from main memory by the other core.
 *
 * <p>
 * Whatever reading throws (UnreadableFileException, a header or period not found, an
 * Error on hostile input) reaches the reader where it happened, to quarantine the file. A
 * failure of the finisher is not the file's fault: it arrives as
 * {@link RowFinishingException}, which fails the run.
 */
final class FileRowStream<T> implements AutoCloseable {

	private static final int BATCH = 512;

	/**
	 * Raw workbook rows are bulky and their XML parser is the slower side anyway.
	 * Finished CSV rows are compact (mostly the COPY tuple: 32 batches of a million-row
	 * ledger hold about 10 MB), and their reading thread is the busier one: a deep queue
	 * lets it read on while the step's thread waits for its per-chunk round trips to the
	 * job repository.
	 */
	private static final int RAW_BATCHES_AHEAD = 8;

	private static final int FINISHED_BATCHES_AHEAD = 32;

	private static final long STALL_SECONDS = 120;

	private final SheetCursor cursor;

	private final Function<SourceRow, T> finisher;

	/**
	 * Whether rows are finished on the reading thread (items are T) or by the reader
	 * (items are SourceRow).
	 */
	private final boolean finishAhead;

	private final BlockingQueue<Batch> queue;

	private final Thread parser;

	private LoadContext context;

	/**
	 * The reader's own line-up, when it finishes the rows itself (fill-down state is
	 * sequential).
	 */
	private LineUp readerLineUp;

	private Iterator<Object> current = List.of().iterator();

	private boolean ended;

	/**
	 * Set by the reader on close. A parser crawling through hostile input may outlive the
	 * join in {@link #close()}: it must then never call the finisher again, whose state
	 * the next file's reading thread uses.
	 */
	private volatile boolean closed;

	/**
	 * Starts reading. The finisher runs one row at a time in sheet order, on the reading
	 * thread or the caller's: it may keep state from row to row, never touched by two
	 * threads at once, but it must not need the caller's transaction.
	 *
	 * <p>
	 * Where: a CSV is cheap to parse, so its reading thread lines up and finishes the
	 * rows too, and the two threads' work comes out about even. A workbook's XML already
	 * keeps its reading thread the busier: there the reader gets the rows raw and lines
	 * up and finishes them itself (lining up on the reading thread and checking on the
	 * reader's would leave the cells cold for the check either way; docs/performance.md).
	 */
	FileRowStream(SheetCursor cursor, LoadRef load, SourceDefinition source, DatasetDefinition dataset,
			Function<SourceRow, T> finisher) {
		this.cursor = cursor;
		this.finisher = finisher;
		this.finishAhead = "csv".equals(cursor.format());
		this.queue = new ArrayBlockingQueue<>(finishAhead ? FINISHED_BATCHES_AHEAD : RAW_BATCHES_AHEAD);
		this.parser = new Thread(() -> read(load, source, dataset), "tally-parse-" + cursor.file().getFileName());
		this.parser.setDaemon(true);
		this.parser.start();
	}

	private void read(LoadRef load, SourceDefinition source, DatasetDefinition dataset) {
		try {
			List<RawRow> head = new ArrayList<>();
			while (head.size() < source.headerSearchRows() && cursor.hasNext()) {
				head.add(cursor.next());
			}
			SheetLayout layout = new SheetLayoutLocator(source, dataset).locate(head);
			LocalDate period = SourceRowReader.period(source, load.fileName(), layout);
			LoadContext opened = new LoadContext(load, source, dataset, cursor.sheetName(), period,
					layout.sheetColumns(), layout.units(), cursor.date1904(), layout.headerTexts());
			List<RawRow> headerRows = head.stream()
				.filter(r -> r.rowNumber() >= layout.headerFirstRow() && r.rowNumber() <= layout.headerLastRow())
				.toList();
			queue.put(new Batch(opened, headerRows, null));
			LineUp lineUp = finishAhead ? new LineUp(opened, headerRows) : null;
			List<Object> rows = new ArrayList<>(BATCH);
			for (RawRow raw : head) {
				if (raw.rowNumber() > layout.headerLastRow()) {
					rows = add(rows, lineUp, raw);
				}
			}
			while (cursor.hasNext()) {
				rows = add(rows, lineUp, cursor.next());
			}
			queue.put(new Batch(null, rows, null));
			queue.put(Batch.last());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // closed by the reader: stop quietly
		}
		catch (Throwable failure) { // NOPMD: handed over whole to the reading thread,
									// which quarantines the file
			try {
				queue.put(new Batch(null, List.of(), failure));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		finally {
			cursor.close();
		}
	}

	/**
	 * Adds the row to the batch (finished, or raw for the reader), and hands the batch
	 * over once full.
	 */
	private List<Object> add(List<Object> rows, LineUp lineUp, RawRow raw) throws InterruptedException {
		if (!finishAhead) {
			rows.add(raw);
		}
		else {
			SourceRow row = lineUp.row(raw);
			if (row == null) {
				return rows;
			}
			if (closed) {
				throw new InterruptedException("closed by the reader");
			}
			try {
				rows.add(finish(row));
			}
			catch (RowFinishingException ex) {
				queue.put(new Batch(null, rows, null)); // the rows before it were
														// finished well
				throw ex;
			}
		}
		if (rows.size() < BATCH) {
			return rows;
		}
		queue.put(new Batch(null, rows, null));
		return new ArrayList<>(BATCH);
	}

	/**
	 * The file's sheet, period and column layout, once its head is read; throws why it
	 * has none.
	 */
	LoadContext context() {
		if (context == null) {
			Batch first = take(); // the context and the header rows, or throws why none
			context = first.context();
			@SuppressWarnings("unchecked") // the context's batch carries the header rows
			List<RawRow> headerRows = (List<RawRow>) first.rows();
			readerLineUp = finishAhead ? null : new LineUp(context, headerRows);
		}
		return context;
	}

	/** The next data row, finished; null after the last. */
	@SuppressWarnings("unchecked") // items are T exactly when finished ahead, else raw
									// rows
	T next() {
		context();
		while (true) {
			while (!current.hasNext()) {
				if (ended) {
					return null;
				}
				Batch batch = take();
				if (batch.isLast()) {
					ended = true;
					return null;
				}
				current = ((List<Object>) batch.rows()).iterator();
			}
			if (finishAhead) {
				return (T) current.next();
			}
			SourceRow row = readerLineUp.row((RawRow) current.next());
			if (row != null) {
				return finish(row);
			}
		}
	}

	private T finish(SourceRow row) {
		try {
			return finisher.apply(row);
		}
		catch (RuntimeException ex) {
			throw new RowFinishingException(row, ex);
		}
	}

	/** The next batch; throws what reading threw, or that it stalled. */
	private Batch take() {
		try {
			Batch batch = queue.poll(STALL_SECONDS, TimeUnit.SECONDS);
			if (batch == null) {
				// Hostile input can make a parser crawl: a file gets a bounded time, then
				// quarantine.
				throw new UnreadableFileException(cursor.file(), cursor.sheetName(),
						"parsing stalled: no rows for " + STALL_SECONDS + " s (pathological or hostile file)");
			}
			if (batch.failure() != null) {
				ended = true;
				throw rethrow(batch.failure());
			}
			return batch;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading " + cursor.file(), ex);
		}
	}

	private static RuntimeException rethrow(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(failure);
	}

	/**
	 * The cursor's digest of the file, once the reading thread has read it to the end.
	 */
	Optional<String> sha256OfFile() {
		return ended ? cursor.sha256OfFile() : Optional.empty();
	}

	@Override
	public void close() {
		closed = true;
		parser.interrupt();
		try {
			parser.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The file's context with its header rows (first), a batch of rows, the end, or what
	 * reading threw.
	 */
	private record Batch(LoadContext context, List<?> rows, Throwable failure) {

		static Batch last() {
			return new Batch(null, null, null);
		}

		boolean isLast() {
			return rows == null && failure == null && context == null;
		}
	}

}
