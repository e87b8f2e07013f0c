package org.tally.ingest;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.internal.SheetLayoutException;
import org.tally.ingest.workbook.UnreadableFileException;

/**
 * Reads the rows of every file the gather step registered for a run, file after file,
 * each cell lined up with its dataset column and finished by the caller's function (on a
 * CSV's reading thread, see {@link FileRowStream}). A file that turns out unreadable,
 * without the source's header or without a reporting period is quarantined with that
 * reason, and reading goes on.
 */
public class SourceRowReader<T> implements ItemStreamReader<T> {

	private final List<LoadRef> changedWhileRead = new ArrayList<>();

	private static final Logger log = LoggerFactory.getLogger(SourceRowReader.class);

	private final long runId;

	private final Catalog catalog;

	private final LoadRegistry registry;

	private final IngestProperties properties;

	private final Deque<LoadRef> queue = new ArrayDeque<>();

	private final Function<SourceRow, T> finisher;

	private final IngestProgress progress;

	private FileRowStream<T> rows;

	/** The file after the current one, opening. */
	private FileOpening<T> ahead;

	private FileProgress reading;

	private LoadContext context;

	private int rowsDelivered;

	/**
	 * {@code finisher} turns each lined-up row into the item read, one row at a time in
	 * sheet order, on a CSV's reading thread or on the caller's: it must not need the
	 * step's transaction.
	 */
	public SourceRowReader(long runId, Catalog catalog, LoadRegistry registry, IngestProperties properties,
			IngestProgress progress, Function<SourceRow, T> finisher) {
		this.runId = runId;
		this.progress = progress;
		this.catalog = catalog;
		this.registry = registry;
		this.properties = properties;
		this.finisher = finisher;
	}

	/** A reader of the rows as lined up, unfinished. */
	public static SourceRowReader<SourceRow> lined(long runId, Catalog catalog, LoadRegistry registry,
			IngestProperties properties) {
		return new SourceRowReader<>(runId, catalog, registry, properties, new IngestProgress(), Function.identity());
	}

	@Override
	public void open(ExecutionContext executionContext) {
		abandonAhead();
		queue.clear();
		// a restart's, from the attempt before
		IngestProgress.record(null, executionContext);
		List<LoadRef> pending = new ArrayList<>(registry.pending(runId));
		// Referenced datasets first (the project ledger before the files whose codes
		// refer
		// to it), so a reference is checked against the ledger this run makes current;
		// otherwise oldest first.
		pending.sort(Comparator.comparingInt((LoadRef load) -> referenceDepth(load.dataset(), 0)));
		for (LoadRef load : pending) {
			// A restarted step re-reads unfinished files whole: drop what an earlier
			// attempt staged.
			registry.discardStaged(load);
			queue.add(load);
		}
	}

	/**
	 * 0 for a dataset that references none, else one more than the deepest dataset it
	 * references.
	 */
	private int referenceDepth(String datasetName, int guard) {
		if (guard > catalog.datasets().size()) {
			throw new IllegalStateException("dataset references form a cycle through '" + datasetName + "'");
		}
		return catalog.dataset(datasetName)
			.columns()
			.stream()
			.flatMap(column -> column.reference().stream())
			.mapToInt(reference -> 1 + referenceDepth(reference.dataset(), guard + 1))
			.max()
			.orElse(0);
	}

	@Override
	public T read() {
		while (true) {
			if (context == null && !openNext()) {
				return null;
			}
			T row;
			try {
				row = rows.next();
			}
			catch (RowFinishingException ex) {
				throw ex;
			}
			catch (UnreadableFileException ex) {
				quarantine(ex.reason());
				continue;
			}
			catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
				quarantine("the file could not be read: " + describe(ex));
				continue;
			}
			if (row == null) {
				finishFile();
				continue;
			}
			rowsDelivered++;
			return row;
		}
	}

	private static String currentSha256(Path file) {
		try {
			return SourceFileGatherer.sha256(file);
		}
		catch (InboxException ex) {
			return null;
		}
	}

	private void discardChangedWhileRead() {
		changedWhileRead.forEach(registry::discardStaged);
		changedWhileRead.clear();
	}

	private boolean openNext() {
		discardChangedWhileRead();
		while (ahead != null || !queue.isEmpty()) {
			FileOpening<T> opening = ahead != null ? ahead : opening(queue.poll());
			ahead = null;
			LoadRef load = opening.load();
			log.info("run={} file={} reading (source {})", runId, load.filePath(), load.sourceId());
			try {
				reading = progress.reading(opening.progress());
				rows = opening.stream();
				context = rows.context();
				registry.describe(context);
			}
			catch (UnreadableFileException ex) {
				quarantine(load, ex.reason());
				continue;
			}
			catch (SheetLayoutException | SourcePeriods.PeriodNotFoundException ex) {
				quarantine(load, ex.getMessage());
				continue;
			}
			catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
				quarantine(load, "the file could not be read: " + describe(ex));
				continue;
			}
			// The next file opens while this one is read; a load whose source is gone
			// fails the step in its turn, as it did before.
			LoadRef next = queue.peek();
			ahead = next == null || catalog.source(next.sourceId()).isEmpty() ? null : opening(queue.poll());
			rowsDelivered = 0;
			return true;
		}
		return false;
	}

	private FileOpening<T> opening(LoadRef load) {
		SourceDefinition source = catalog.source(load.sourceId())
			.orElseThrow(() -> new IllegalStateException("load " + load.id() + " names source '" + load.sourceId()
					+ "', which is no longer in the configuration"));
		Path file = properties.inbox().resolve(load.filePath());
		return FileOpening.start(load, source, catalog.dataset(source.dataset()), file, properties.readLimits(),
				progress.opening(load.filePath(), file), finisher);
	}

	private void finishFile() {
		LoadRef load = context.load();
		// A CSV was digested as it was parsed; a workbook, read part by part, is read
		// again.
		String now = rows.sha256OfFile().orElseGet(() -> currentSha256(properties.inbox().resolve(load.filePath())));
		if (!load.sha256().equals(now)) {
			// Rows read from a file that changed (or vanished) under the reader may mix
			// two
			// versions: none of them may stay staged. The rows of the chunk still in
			// flight
			// are written after this, so they are discarded again when the next file
			// opens
			// and when the step closes.
			quarantine(load,
					"the file changed while it was being read (sha256 " + load.sha256().substring(0, 12)
							+ "… when gathered, " + (now == null ? "now missing" : now.substring(0, 12) + "… now")
							+ "); it is read again on the next run");
			changedWhileRead.add(load);
			return;
		}
		log.info("run={} file={} read: sheet {} period {} rows {}", runId, context.load().filePath(), context.sheet(),
				context.period(), rowsDelivered);
		registry.markStaged(context.load().id(), runId);
		closeCursor();
	}

	private void quarantine(String reason) {
		LoadRef load = context.load();
		closeCursor();
		quarantine(load, reason);
	}

	private void quarantine(LoadRef load, String reason) {
		closeCursor();
		// Reasons go back to departments: they name the file by its inbox path, never the
		// server's.
		reason = reason.replace(properties.inbox().toAbsolutePath().normalize() + File.separator, "")
			.replace(properties.inbox().toAbsolutePath().normalize().toString(), "inbox");
		log.warn("run={} file={} quarantined: {}", runId, load.filePath(), reason);
		registry.quarantine(load, reason);
	}

	private static String describe(Throwable ex) {
		return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
	}

	private void closeCursor() {
		if (rows != null) {
			rows.close();
		}
		rows = null;
		context = null;
		progress.finished(reading);
		reading = null;
	}

	@Override
	public void update(ExecutionContext executionContext) {
		IngestProgress.record(reading, executionContext);
	}

	@Override
	public void close() {
		abandonAhead();
		closeCursor();
		discardChangedWhileRead();
	}

	private void abandonAhead() {
		if (ahead != null) {
			ahead.abandon();
			progress.finished(ahead.progress());
			ahead = null;
		}
	}

}
