package org.tally.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.internal.HeaderSearch;
import org.tally.ingest.internal.SheetLayout;
import org.tally.ingest.internal.SheetLayoutLocator;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.UnreadableFileException;
import org.tally.ingest.workbook.Workbooks;

/**
 * Reads one file as a source's rows outside any run, without touching the registry,
 * exactly as the nightly reader would (same sheet choice, header search, units, period,
 * row classification and fill-down), and says how each was decided: the upload preview
 * and {@code tally inspect} both read through here.
 */
public final class FileReading {

	private FileReading() {
	}

	/**
	 * How the file was read: the sheet and why, the header found, the period and where it
	 * was read, and why a run would quarantine the file (null when it would read it).
	 */
	public record Outline(String sheet, String sheetChoice, Header header, LocalDate period, String periodFrom,
			String quarantine) {

		public boolean readable() {
			return quarantine == null;
		}
	}

	/**
	 * The header row(s) found, their score (columns matched) and the runner-up's, each
	 * header cell's mapping, the required columns missing and each column's unit.
	 */
	public record Header(int firstRow, int lastRow, int score, String runnerUpRows, int runnerUpScore,
			List<HeaderCell> cells, List<String> missing, List<ColumnUnit> units) {
	}

	/** A header cell and the dataset column it maps to through which alias (or none). */
	public record HeaderCell(String cell, String text, String column, String alias) {
	}

	/** A column's amount unit and where it came from, e.g. UNIT_LINE at A2. */
	public record ColumnUnit(String column, String unit, String origin, String where) {
	}

	/** Receives every row below the header, classified; {@code lined} only when read. */
	public interface Rows {

		void row(RawRow raw, RowKind kind, SourceRow lined);

	}

	/**
	 * Reads {@code file}; {@code fileName} is its name in the inbox (periods are read
	 * from it), {@code sheet} overrides the source's sheet choice when not null.
	 */
	public static Outline read(SourceDefinition source, DatasetDefinition dataset, Path file, String fileName,
			SheetSelector sheet, ReadLimits limits, Rows rows) {
		LoadRef load = new LoadRef(-1, -1, source.id(), dataset.name(), source.inbox() + "/" + fileName, fileName,
				null);
		String choice = sheet != null ? "--sheet " + sheet.describe()
				: "the source's sheet setting: " + selector(source).describe();
		try (SheetCursor cursor = Workbooks.open(file, sheet != null ? sheet : selector(source), limits)) {
			if ("csv".equals(cursor.format())) {
				choice = "a CSV file has one sheet";
			}
			List<RawRow> head = new ArrayList<>();
			while (head.size() < source.headerSearchRows() && cursor.hasNext()) {
				head.add(cursor.next());
			}
			HeaderSearch search = new SheetLayoutLocator(source, dataset).search(head);
			Header header = header(search);
			if (search.failure() != null) {
				return new Outline(cursor.sheetName(), choice, header, null, null, search.failure());
			}
			SheetLayout layout = search.layout();
			LocalDate period;
			try {
				period = SourceRowReader.period(source, fileName, layout);
			}
			catch (SourceRowReader.PeriodNotFoundException ex) {
				return new Outline(cursor.sheetName(), choice, header, null, null, ex.getMessage());
			}
			LoadContext context = new LoadContext(load, source, dataset, cursor.sheetName(), period,
					layout.sheetColumns(), layout.units(), cursor.date1904(), layout.headerTexts());
			List<RawRow> headerRows = head.stream()
				.filter(r -> r.rowNumber() >= layout.headerFirstRow() && r.rowNumber() <= layout.headerLastRow())
				.toList();
			LineUp lineUp = new LineUp(context, headerRows);
			for (RawRow raw : head) {
				if (raw.rowNumber() > layout.headerLastRow()) {
					feed(lineUp, raw, rows);
				}
			}
			while (cursor.hasNext()) {
				feed(lineUp, cursor.next(), rows);
			}
			return new Outline(cursor.sheetName(), choice, header, period, periodFrom(source, fileName, search), null);
		}
		catch (UnreadableFileException ex) {
			return new Outline(null, choice, null, null, null, ex.reason());
		}
	}

	/**
	 * How many of the source's columns the file's best header row names (0 when none or
	 * unreadable): which source a file of unknown origin belongs to.
	 */
	public static int headerScore(SourceDefinition source, DatasetDefinition dataset, Path file, ReadLimits limits) {
		try (SheetCursor cursor = Workbooks.open(file, selector(source), limits)) {
			List<RawRow> head = new ArrayList<>();
			while (head.size() < source.headerSearchRows() && cursor.hasNext()) {
				head.add(cursor.next());
			}
			return new SheetLayoutLocator(source, dataset).search(head).score();
		}
		catch (UnreadableFileException ex) {
			return 0;
		}
	}

	private static void feed(LineUp lineUp, RawRow raw, Rows rows) {
		RowKind kind = lineUp.kind(raw);
		rows.row(raw, kind, lineUp.row(raw, kind));
	}

	private static SheetSelector selector(SourceDefinition source) {
		SourceDefinition.Sheet sheet = source.sheet();
		return new SheetSelector(sheet.name(), sheet.index(), sheet.pattern());
	}

	private static String periodFrom(SourceDefinition source, String fileName, HeaderSearch search) {
		return switch (source.period().from()) {
			case FIXED -> "the source's fixed period (period.date)";
			case FILENAME -> "the file name " + fileName;
			case TITLE -> "the title cell " + search.titlePeriodCell();
		};
	}

	private static Header header(HeaderSearch search) {
		if (search.found() == null) {
			return null;
		}
		SheetLayout layout = search.found();
		List<HeaderCell> cells = search.cells()
			.stream()
			.map(c -> new HeaderCell(CellReference.convertNumToColString(c.sheetColumn()) + layout.headerFirstRow(),
					c.text(), c.column(), c.alias()))
			.toList();
		List<ColumnUnit> units = search.units()
			.stream()
			.filter(u -> u.unit() != null)
			.map(u -> new ColumnUnit(u.column(), u.unit().symbol(), u.origin().name(), u.where()))
			.toList();
		return new Header(layout.headerFirstRow(), layout.headerLastRow(), search.score(), search.runnerUpRows(),
				search.runnerUpScore(), cells, search.missing(), units);
	}

}
