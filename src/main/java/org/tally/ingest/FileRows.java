package org.tally.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.internal.SheetLayoutException;
import org.tally.ingest.workbook.UnreadableFileException;

/**
 * Reads one file as its source's rows outside any run and without touching the registry,
 * exactly as the nightly reader would (same sheet choice, header search, period and
 * fill-down): the upload preview shows a department what the next run will make of a
 * corrected file.
 */
public final class FileRows {

	private FileRows() {
	}

	/**
	 * How the file was read: its sheet and period, or why it could not be (the run would
	 * quarantine it).
	 */
	public record Outline(String sheet, LocalDate period, String unreadable) {
	}

	/**
	 * Hands every data row of {@code file} to {@code rows}; {@code fileName} is the name
	 * the file will have in the inbox (periods are read from it). The rows' load is a
	 * placeholder with id and run -1.
	 */
	public static Outline read(SourceDefinition source, DatasetDefinition dataset, Path file, String fileName,
			IngestProperties limits, Consumer<SourceRow> rows) {
		LoadRef load = new LoadRef(-1, -1, source.id(), dataset.name(), source.inbox() + "/" + fileName, fileName,
				null);
		try (FileRowStream<SourceRow> stream = new FileRowStream<>(
				SourceRowReader.open(source, file, limits.readLimits()), load, source, dataset, Function.identity())) {
			LoadContext context = stream.context();
			for (SourceRow row = stream.next(); row != null; row = stream.next()) {
				rows.accept(row);
			}
			return new Outline(context.sheet(), context.period(), null);
		}
		catch (UnreadableFileException ex) {
			return new Outline(null, null, ex.reason());
		}
		catch (SheetLayoutException | SourceRowReader.PeriodNotFoundException ex) {
			return new Outline(null, null, ex.getMessage());
		}
	}

}
