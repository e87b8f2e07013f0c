package org.tally.ingest;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.Workbooks;

/**
 * One file opened on a thread of its own (for a workbook: its package, shared strings and
 * styles), then read by its {@link FileRowStream} up to its head and a few batches of
 * rows, while the reader still reads the file before it: a night of many small files
 * otherwise stopped both the step's and the COPY's threads at every file while the next
 * one was opened and its header searched. Nothing of it reaches the registry or the
 * finisher until the reader takes it ({@link #stream()}): what opening threw is thrown
 * there, to quarantine the file in its turn.
 */
final class FileOpening<T> {

	private static final long ABANDON_WAIT_SECONDS = 30;

	private final LoadRef load;

	private final FileProgress progress;

	private final CompletableFuture<FileRowStream<T>> stream = new CompletableFuture<>();

	private volatile boolean abandoned;

	private FileOpening(LoadRef load, FileProgress progress) {
		this.load = load;
		this.progress = progress;
	}

	/** Starts opening {@code file}, whose progress is counted in {@code progress}. */
	static <T> FileOpening<T> start(LoadRef load, SourceDefinition source, DatasetDefinition dataset, Path file,
			ReadLimits limits, FileProgress progress, Function<SourceRow, T> finisher) {
		FileOpening<T> opening = new FileOpening<>(load, progress);
		Thread opener = new Thread(() -> opening.open(source, dataset, file, limits, finisher),
				"tally-open-" + file.getFileName());
		opener.setDaemon(true);
		opener.start();
		return opening;
	}

	private void open(SourceDefinition source, DatasetDefinition dataset, Path file, ReadLimits limits,
			Function<SourceRow, T> finisher) {
		try {
			FileRowStream<T> opened = new FileRowStream<>(progress.watch(open(source, file, limits)), load, source,
					dataset, finisher);
			stream.complete(opened);
			if (abandoned) {
				opened.close();
			}
		}
		catch (Throwable failure) { // NOPMD: handed over whole to the reader, which
									// quarantines the file
			stream.completeExceptionally(failure);
		}
	}

	/** The file's sheet as its source selects it. */
	private static SheetCursor open(SourceDefinition source, Path file, ReadLimits limits) {
		SourceDefinition.Sheet sheet = source.sheet();
		return Workbooks.open(file, new SheetSelector(sheet.name(), sheet.index(), sheet.pattern()), limits);
	}

	LoadRef load() {
		return load;
	}

	FileProgress progress() {
		return progress;
	}

	/**
	 * The file's rows, once opened; throws what opening threw (an unreadable file, an
	 * Error on hostile input).
	 */
	FileRowStream<T> stream() {
		try {
			return stream.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while opening " + load.filePath(), ex);
		}
		catch (ExecutionException ex) {
			throw unchecked(ex.getCause());
		}
	}

	/** What another thread threw, to throw again: an Error as it is. */
	static RuntimeException unchecked(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(failure);
	}

	/**
	 * Not to be read (the step closes or restarts): its threads stop and its file is
	 * closed, now or as soon as it is open.
	 */
	void abandon() {
		abandoned = true;
		try {
			stream.get(ABANDON_WAIT_SECONDS, TimeUnit.SECONDS).close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// it failed to open (nothing to close), or closes itself once open
		}
	}

}
