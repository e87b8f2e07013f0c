package org.tally.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.internal.PrefetchingCursor;
import org.tally.ingest.internal.SheetLayout;
import org.tally.ingest.internal.SheetLayoutException;
import org.tally.ingest.internal.SheetLayoutLocator;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.UnreadableFileException;
import org.tally.ingest.workbook.Workbooks;

/**
 * Reads one file as its source's rows outside any run and without touching the registry, exactly as
 * the nightly reader would (same sheet choice, header search, period and fill-down): the upload
 * preview shows a department what the next run will make of a corrected file.
 */
public final class FileRows {

	private FileRows() {
	}

	/** How the file was read: its sheet and period, or why it could not be (the run would quarantine it). */
	public record Outline(String sheet, LocalDate period, String unreadable) {
	}

	/**
	 * Hands every data row of {@code file} to {@code rows}; {@code fileName} is the name the file will
	 * have in the inbox (periods are read from it). The rows' load is a placeholder with id and run -1.
	 */
	public static Outline read(SourceDefinition source, DatasetDefinition dataset, Path file, String fileName,
			long maxFileBytes, Consumer<SourceRow> rows) {
		LoadRef load = new LoadRef(-1, -1, source.id(), dataset.name(), source.inbox() + "/" + fileName, fileName, null);
		SourceDefinition.Sheet sheet = source.sheet();
		try (SheetCursor cursor = new PrefetchingCursor(Workbooks.open(file,
				new SheetSelector(sheet.name(), sheet.index(), sheet.pattern()),
				new ReadLimits(maxFileBytes, 32_767, 16_384, 1_048_576)))) {
			List<RawRow> head = new ArrayList<>();
			while (head.size() < source.headerSearchRows() && cursor.hasNext()) {
				head.add(cursor.next());
			}
			SheetLayout layout = new SheetLayoutLocator(source, dataset).locate(head);
			LocalDate period = SourceRowReader.period(source, fileName, layout);
			LoadContext context = new LoadContext(load, source, dataset, cursor.sheetName(), period,
					layout.sheetColumns(), layout.units(), cursor.date1904());
			RawCell[] fillDown = new RawCell[dataset.columns().size()];
			boolean[] fillDownColumns = SourceRowReader.fillDownColumns(source, dataset);
			for (RawRow raw : head) {
				if (raw.rowNumber() > layout.headerLastRow()) {
					deliver(context, fillDownColumns, fillDown, raw, rows);
				}
			}
			while (cursor.hasNext()) {
				deliver(context, fillDownColumns, fillDown, cursor.next(), rows);
			}
			return new Outline(cursor.sheetName(), period, null);
		}
		catch (UnreadableFileException ex) {
			return new Outline(null, null, ex.reason());
		}
		catch (SheetLayoutException | SourceRowReader.PeriodNotFoundException ex) {
			return new Outline(null, null, ex.getMessage());
		}
	}

	private static void deliver(LoadContext context, boolean[] fillDownColumns, RawCell[] fillDown, RawRow raw,
			Consumer<SourceRow> rows) {
		SourceRow row = SourceRowReader.toSourceRow(context, fillDownColumns, fillDown, raw);
		if (row != null) {
			rows.accept(row);
		}
	}
}
