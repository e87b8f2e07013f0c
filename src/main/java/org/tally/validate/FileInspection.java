package org.tally.validate;

import java.math.BigDecimal;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.FileReading;
import org.tally.ingest.RowKind;
import org.tally.ingest.SourceRow;
import org.tally.ingest.workbook.FileFormat;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.UnreadableFileException;

/**
 * A dry run of one file against a source: what it is, which sheet and header were found
 * and why, each row classified with its typed values, and every reject and the quarantine
 * a run would give, by the run's own reader and validator, writing nothing.
 * {@code tally inspect} and the console's upload preview both show this.
 */
public final class FileInspection {

	/** At most this many problems are listed; the counts cover all rows. */
	static final int MAX_PROBLEMS = 500;

	private final Catalog catalog;

	private final ReadLimits limits;

	private final JdbcClient warehouse;

	/**
	 * {@code warehouse} null: codes that refer to another dataset are not checked (no
	 * database needed); else against that dataset's current rows.
	 */
	public FileInspection(Catalog catalog, ReadLimits limits, JdbcClient warehouse) {
		this.catalog = catalog;
		this.limits = limits;
		this.warehouse = warehouse;
	}

	/** What inspecting one file found. */
	public record Result(String file, String source, String sourceChoice, FileFormat format,
			FileReading.Outline outline, List<Row> rows, int rowsRead, int rowsValid, int rowsRejected,
			List<Problem> problems, boolean referencesChecked, String fileRejected) {

		public Result {
			rows = List.copyOf(rows);
			problems = List.copyOf(problems);
		}

		/** Whether a run would read the file rather than quarantine it. */
		public boolean readable() {
			return outline.readable();
		}

		/** Why a run would quarantine the file; null when it would read it. */
		public String quarantine() {
			return outline.quarantine();
		}
	}

	/**
	 * A sheet row below the header: its kind, its values (typed for data and totals rows,
	 * as stored for the others) and what is wrong with them.
	 */
	public record Row(int row, RowKind kind, Map<String, String> values, List<String> problems) {
	}

	/** One rejected cell (cell null when the problem is the row's). */
	public record Problem(int row, String cell, String column, String value, String reasonZh, String reasonEn) {
	}

	/**
	 * Inspects {@code file} as {@code source} would read it in the inbox under
	 * {@code fileName}; {@code sheet} overrides the sheet choice when not null; the first
	 * {@code rows} rows are listed.
	 */
	public Result inspect(SourceDefinition source, String sourceChoice, Path file, String fileName, SheetSelector sheet,
			int rows) {
		FileFormat format = null;
		try {
			format = FileFormat.describe(file, limits);
		}
		catch (UnreadableFileException ex) {
			// The reading below meets the same reason, and says it as the quarantine.
		}
		RowValidator validator = new RowValidator(catalog, warehouse);
		List<ColumnDefinition> columns = catalog.dataset(source.dataset()).columns();
		List<Row> listed = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		int[] counts = new int[3];
		FileReading.Outline outline = FileReading.read(source, catalog.dataset(source.dataset()), file, fileName, sheet,
				limits, (raw, kind, lined) -> {
					List<CellProblem> found = List.of();
					Object[] values = null;
					if (lined != null) {
						counts[0]++;
						CheckedRow checked = validator.check(lined);
						values = checked.values();
						found = checked.problems();
						if (warehouse != null) {
							try {
								validator.accept(checked);
							}
							catch (RowRejectedException ex) {
								found = ex.problems();
							}
						}
						counts[found.isEmpty() ? 1 : 2]++;
						for (CellProblem problem : found) {
							if (problems.size() < MAX_PROBLEMS) {
								problems.add(new Problem(raw.rowNumber(), problem.cellRef(), problem.column(),
										problem.rawValue(), problem.reasonZh(), problem.reasonEn()));
							}
						}
					}
					if (listed.size() < rows) {
						listed.add(new Row(raw.rowNumber(), kind,
								values == null ? asStored(raw) : typed(columns, lined, values),
								found.stream()
									.map(p -> (p.cellRef() == null ? "" : p.cellRef() + ": ") + p.reasonEn())
									.toList()));
					}
				});
		String rejected = null;
		if (outline.readable() && counts[0] > 0 && !source.acceptsRejects(counts[2], counts[0])) {
			rejected = "reject rate " + SourceDefinition.rejectRate(counts[2], counts[0]).toPlainString()
					+ " is over the source's maxRejectRate " + source.maxRejectRate().toPlainString()
					+ ": the run would reject the whole file and keep the previous load current";
		}
		return new Result(file.toString(), source.id(), sourceChoice, format, outline, listed, counts[0], counts[1],
				counts[2], problems, warehouse != null, rejected);
	}

	/** The source a file is inspected against, and why that one. */
	public record SourceChoice(SourceDefinition source, String why) {
	}

	/**
	 * The source whose inbox glob matches the file (its path under {@code inbox}, else
	 * its folder and name), else the one whose header the file matches best; empty when
	 * no source's header appears at all.
	 */
	public Optional<SourceChoice> chooseSource(Path file, Path inbox) {
		Path absolute = file.toAbsolutePath().normalize();
		Path root = inbox.toAbsolutePath().normalize();
		Path relative = absolute.startsWith(root) ? root.relativize(absolute) : absolute.getNameCount() >= 2
				? absolute.subpath(absolute.getNameCount() - 2, absolute.getNameCount()) : absolute.getFileName();
		for (SourceDefinition source : catalog.sources()) {
			if (FileSystems.getDefault().getPathMatcher("glob:" + source.inbox()).matches(relative)) {
				return Optional
					.of(new SourceChoice(source, "its inbox glob " + source.inbox() + " matches " + relative));
			}
		}
		SourceDefinition best = null;
		int bestScore = 0;
		List<String> scores = new ArrayList<>();
		for (SourceDefinition source : catalog.sources()) {
			int score = FileReading.headerScore(source, catalog.dataset(source.dataset()), file, limits);
			scores.add(source.id() + " " + score);
			if (score > bestScore) {
				best = source;
				bestScore = score;
			}
		}
		return best == null ? Optional.empty() : Optional.of(new SourceChoice(best,
				"no inbox glob matches; its header matches best (" + String.join(", ", scores) + " columns named)"));
	}

	/** The values of a read row by dataset column: typed where read, else as stored. */
	private static Map<String, String> typed(List<ColumnDefinition> columns, SourceRow row, Object[] values) {
		Map<String, String> typed = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			Object value = values[i];
			RawCell cell = row.cells()[i];
			if (value != null) {
				typed.put(columns.get(i).name(), value instanceof BigDecimal d ? d.toPlainString() : value.toString());
			}
			else if (cell != null) {
				typed.put(columns.get(i).name(), cell.value());
			}
		}
		return typed;
	}

	/** A skipped row's cells by reference, as stored. */
	private static Map<String, String> asStored(RawRow raw) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (RawCell cell : raw.cells()) {
			cells.put(cell.reference(raw.rowNumber()), cell.value());
		}
		return cells;
	}

}
