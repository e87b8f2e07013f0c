package org.tally.ingest;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.tally.catalog.Catalog;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.internal.SheetLayout;
import org.tally.ingest.internal.SheetLayoutException;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.UnreadableFileException;
import org.tally.ingest.workbook.Workbooks;
import org.tally.normalize.ReportingPeriods;

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

	static final String NO_PERIOD_IN_FILE_NAME = "no reporting period in the file name (expected e.g. …_2024-12-31 or 20241231)";

	private final long runId;

	private final Catalog catalog;

	private final LoadRegistry registry;

	private final IngestProperties properties;

	private final Deque<LoadRef> queue = new ArrayDeque<>();

	private final Function<SourceRow, T> finisher;

	private final IngestProgress progress;

	private FileRowStream<T> rows;

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
		queue.clear();
		IngestProgress.record(null, executionContext); // a restart's, from the attempt
														// before
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
		while (!queue.isEmpty()) {
			LoadRef load = queue.poll();
			SourceDefinition source = catalog.source(load.sourceId())
				.orElseThrow(() -> new IllegalStateException("load " + load.id() + " names source '" + load.sourceId()
						+ "', which is no longer in the configuration"));
			DatasetDefinition dataset = catalog.dataset(source.dataset());
			Path file = properties.inbox().resolve(load.filePath());
			log.info("run={} file={} reading (source {})", runId, load.filePath(), source.id());
			try {
				reading = progress.started(load.filePath(), file);
				rows = new FileRowStream<>(reading.watch(open(source, file, properties.readLimits())), load, source,
						dataset, finisher);
				context = rows.context();
				registry.describe(context);
				rowsDelivered = 0;
				return true;
			}
			catch (UnreadableFileException ex) {
				quarantine(load, ex.reason());
			}
			catch (SheetLayoutException | PeriodNotFoundException ex) {
				quarantine(load, ex.getMessage());
			}
			catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
				quarantine(load, "the file could not be read: " + describe(ex));
			}
		}
		return false;
	}

	/** The file's sheet as its source selects it; shared with {@link FileReading}. */
	static SheetCursor open(SourceDefinition source, Path file, ReadLimits limits) {
		SourceDefinition.Sheet sheet = source.sheet();
		return Workbooks.open(file, new SheetSelector(sheet.name(), sheet.index(), sheet.pattern()), limits);
	}

	/**
	 * The file's reporting period as its source says to find it; shared with
	 * {@link FileReading}.
	 */
	static LocalDate period(SourceDefinition source, String fileName, SheetLayout layout) {
		Optional<LocalDate> period = switch (source.period().from()) {
			case FIXED -> Optional.of(source.period().date());
			case FILENAME -> ReportingPeriods.find(fileName);
			case TITLE -> Optional.ofNullable(layout.titlePeriod());
		};
		return period.orElseThrow(() -> new PeriodNotFoundException(switch (source.period().from()) {
			case FILENAME -> NO_PERIOD_IN_FILE_NAME;
			case TITLE -> "no reporting period in the title rows above the header (expected e.g. 截至2024年12月31日)";
			case FIXED -> "no fixed period configured";
		}));
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
		closeCursor();
		discardChangedWhileRead();
	}

	/** The source says where its period comes from, and it was not there. */
	static class PeriodNotFoundException extends RuntimeException {

		PeriodNotFoundException(String message) {
			super(message);
		}

	}

}
