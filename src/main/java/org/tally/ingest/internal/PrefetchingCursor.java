package org.tally.ingest.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.UnreadableFileException;

/**
 * Parses a sheet on a thread of its own, a bounded number of row batches ahead, so that parsing
 * one file and validating and loading its rows use both cores. Whatever the parser throws
 * (UnreadableFileException, or an Error on hostile input) reaches the reader at the row where it
 * happened.
 */
public final class PrefetchingCursor implements SheetCursor {

	private static final int BATCH = 512;
	private static final int BATCHES_AHEAD = 8;
	private static final long STALL_SECONDS = 120;

	private final SheetCursor source;
	private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
	private final Thread parser;
	private Iterator<RawRow> current = List.<RawRow>of().iterator();
	private boolean ended;

	public PrefetchingCursor(SheetCursor source) {
		this.source = source;
		this.parser = new Thread(this::parse, "tally-parse-" + source.file().getFileName());
		this.parser.setDaemon(true);
		this.parser.start();
	}

	private void parse() {
		try {
			List<RawRow> rows = new ArrayList<>(BATCH);
			while (source.hasNext()) {
				rows.add(source.next());
				if (rows.size() == BATCH) {
					queue.put(new Batch(rows, null));
					rows = new ArrayList<>(BATCH);
				}
			}
			queue.put(new Batch(rows, null));
			queue.put(Batch.END);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // closed by the reader: stop quietly
		}
		catch (Throwable failure) { // NOPMD: handed over whole to the reading thread, which quarantines the file
			try {
				queue.put(new Batch(List.of(), failure));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		finally {
			source.close();
		}
	}

	@Override
	public boolean hasNext() {
		while (!current.hasNext()) {
			if (ended) {
				return false;
			}
			Batch batch = take();
			if (batch.failure() != null) {
				ended = true;
				throw rethrow(batch.failure());
			}
			if (batch == Batch.END) {
				ended = true;
				return false;
			}
			current = batch.rows().iterator();
		}
		return true;
	}

	@Override
	public RawRow next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return current.next();
	}

	private Batch take() {
		try {
			Batch batch = queue.poll(STALL_SECONDS, TimeUnit.SECONDS);
			if (batch == null) {
				// Hostile input can make a parser crawl: a file gets a bounded time, then quarantine.
				throw new UnreadableFileException(source.file(), source.sheetName(),
						"parsing stalled: no rows for " + STALL_SECONDS + " s (pathological or hostile file)");
			}
			return batch;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading " + source.file(), ex);
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

	@Override
	public Path file() {
		return source.file();
	}

	@Override
	public String sheetName() {
		return source.sheetName();
	}

	@Override
	public boolean date1904() {
		return source.date1904();
	}

	@Override
	public String format() {
		return source.format();
	}

	/** The source's digest of the file, once the parser thread has read it to the end. */
	@Override
	public Optional<String> sha256OfFile() {
		return ended ? source.sha256OfFile() : Optional.empty();
	}

	@Override
	public void close() {
		parser.interrupt();
		try {
			parser.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Batch(List<RawRow> rows, Throwable failure) {
		static final Batch END = new Batch(List.of(), null);
	}
}
