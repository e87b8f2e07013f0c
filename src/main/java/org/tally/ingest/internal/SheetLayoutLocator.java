package org.tally.ingest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.time.LocalDate;
import org.apache.poi.ss.util.CellReference;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.workbook.CellKind;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.normalize.ReportingPeriods;
import org.tally.normalize.TextKeys;

/**
 * Finds the header among a sheet's first rows: the row (or pair of rows, for a merged
 * two-row header such as 合作资金 over 安排 | 到位) whose cells match most of the source's column
 * aliases.
 */
public final class SheetLayoutLocator {

	private final SourceDefinition source;

	private final DatasetDefinition dataset;

	private final Map<String, String> aliasToColumn = new HashMap<>();

	/** The alias as configured, per key it is matched by. */
	private final Map<String, String> aliasOfKey = new HashMap<>();

	public SheetLayoutLocator(SourceDefinition source, DatasetDefinition dataset) {
		this.source = source;
		this.dataset = dataset;
		source.columns().forEach((column, spec) -> {
			for (String alias : spec.aliases()) {
				for (String key : List.of(TextKeys.canonicalWithoutBrackets(alias), TextKeys.canonical(alias))) {
					if (aliasToColumn.putIfAbsent(key, column) == null) {
						aliasOfKey.put(key, alias);
					}
				}
			}
		});
	}

	public SheetLayout locate(List<RawRow> firstRows) {
		return search(firstRows).layout();
	}

	/**
	 * What the header search found among the first rows, the layout or why there is none,
	 * with everything a person needs to see why: {@code tally inspect}.
	 */
	public HeaderSearch search(List<RawRow> firstRows) {
		Candidate best = null;
		Candidate runnerUp = null;
		List<Candidate> singles = new ArrayList<>();
		for (RawRow row : firstRows) {
			Candidate single = match(row, null, headerTexts(row, null));
			singles.add(single);
			Candidate before = best;
			best = better(best, single);
			runnerUp = better(runnerUp, best == single ? before : single);
		}
		for (int i = 0; i + 1 < firstRows.size(); i++) {
			RawRow row = firstRows.get(i);
			RawRow below = firstRows.get(i + 1);
			if (below.rowNumber() != row.rowNumber() + 1) {
				continue;
			}
			// A two-row header must explain more columns than either of its rows alone;
			// otherwise a
			// title above a one-row header would pass for the header's top half.
			Candidate pair = match(row, below, headerTexts(row, below));
			int alone = Math.max(singles.get(i).matched.size(), singles.get(i + 1).matched.size());
			if (pair.matched.size() > alone) {
				Candidate before = best;
				best = better(best, pair);
				runnerUp = better(runnerUp, best == pair ? before : pair);
			}
		}
		if (runnerUp != null && best != null && runnerUp.top == best.top) {
			runnerUp = null; // the pair's own top row alone is no rival
		}
		if (best == null || best.matched.isEmpty()) {
			return HeaderSearch.failed("no header row found in the first " + source.headerSearchRows()
					+ " rows: none of the expected column names (" + expectedNames() + ") appears");
		}
		List<HeaderSearch.HeaderCell> cells = new ArrayList<>();
		Map<Integer, String> columnAt = new HashMap<>();
		best.matched.forEach((name, column) -> columnAt.put(column, name));
		best.texts.forEach((column, text) -> {
			String name = columnAt.get(column);
			cells.add(new HeaderSearch.HeaderCell(column, text, name, name == null ? null : aliasFor(text)));
		});
		List<String> missing = new ArrayList<>();
		for (ColumnDefinition column : dataset.columns()) {
			if (column.required() && !best.matched.containsKey(column.name())) {
				missing.add(column.name() + " " + source.columns().get(column.name()).aliases());
			}
		}
		String failure = missing.isEmpty() ? null : "required column(s) missing: " + String.join(", ", missing)
				+ "; header row " + best.top.rowNumber() + " has: " + best.texts.values();
		int[] sheetColumns = new int[dataset.columns().size()];
		Arrays.fill(sheetColumns, -1);
		for (int i = 0; i < dataset.columns().size(); i++) {
			Integer sheetColumn = best.matched.get(dataset.columns().get(i).name());
			sheetColumns[i] = sheetColumn == null ? -1 : sheetColumn;
		}
		List<UnitOrigins.Unit> units = new UnitOrigins(source, dataset).units(firstRows, best.top.rowNumber(),
				sheetColumns, best.texts);
		int last = best.bottom == null ? best.top.rowNumber() : best.bottom.rowNumber();
		TitlePeriod title = titlePeriod(firstRows, best.top.rowNumber());
		Map<String, String> headerTexts = new LinkedHashMap<>();
		// kept in the registry, whose text refuses U+0000: shown as ␀ (U+2400), as
		// rejects do
		best.texts.forEach((column, text) -> headerTexts.put(CellReference.convertNumToColString(column),
				text.replace('\u0000', '\u2400')));
		SheetLayout layout = new SheetLayout(best.top.rowNumber(), last, sheetColumns,
				units.stream().map(UnitOrigins.Unit::unit).toList(), title == null ? null : title.period(),
				Collections.unmodifiableMap(headerTexts));
		return new HeaderSearch(layout, best.matched.size(),
				runnerUp == null || runnerUp.matched.isEmpty() ? null : rows(runnerUp),
				runnerUp == null ? 0 : runnerUp.matched.size(), cells, missing, units,
				title == null ? null : title.cell(), failure);
	}

	private static String rows(Candidate candidate) {
		return candidate.bottom == null ? String.valueOf(candidate.top.rowNumber())
				: candidate.top.rowNumber() + "-" + candidate.bottom.rowNumber();
	}

	/** The configured alias a header text matched. */
	private String aliasFor(String text) {
		String alias = aliasOfKey.get(TextKeys.canonicalWithoutBrackets(text));
		return alias != null ? alias : aliasOfKey.getOrDefault(TextKeys.canonical(text), text);
	}

	private Candidate match(RawRow top, RawRow bottom, Map<Integer, String> texts) {
		Map<String, Integer> matched = new HashMap<>();
		texts.forEach((column, text) -> {
			String name = columnFor(text);
			if (name == null && bottom != null && bottom.cell(column) != null) {
				name = columnFor(bottom.cell(column).value());
			}
			if (name != null) {
				matched.putIfAbsent(name, column);
			}
		});
		return new Candidate(top, bottom, texts, matched);
	}

	private String columnFor(String headerText) {
		String column = aliasToColumn.get(TextKeys.canonicalWithoutBrackets(headerText));
		return column != null ? column : aliasToColumn.get(TextKeys.canonical(headerText));
	}

	/**
	 * The header text of each column; with a second row, a blank top cell over a filled
	 * bottom cell inherits the top text to its left (the merged 合作资金 spans 安排 and 到位).
	 */
	private static Map<Integer, String> headerTexts(RawRow top, RawRow bottom) {
		Map<Integer, String> texts = new TreeMap<>();
		for (RawCell cell : top.cells()) {
			if (cell.kind() == CellKind.TEXT && !cell.value().isBlank()) {
				texts.put(cell.column(), cell.value());
			}
		}
		if (bottom == null) {
			return texts;
		}
		Map<Integer, String> combined = new TreeMap<>(texts);
		for (RawCell cell : bottom.cells()) {
			if (cell.kind() != CellKind.TEXT || cell.value().isBlank()) {
				continue;
			}
			String above = texts.get(cell.column());
			if (above == null) {
				for (int c = cell.column() - 1; c >= 0; c--) {
					if (texts.containsKey(c)) {
						above = texts.get(c);
						break;
					}
				}
			}
			combined.put(cell.column(), above == null ? cell.value() : above + cell.value());
		}
		return combined;
	}

	private static Candidate better(Candidate current, Candidate next) {
		if (current == null || next.matched.size() > current.matched.size()) {
			return next;
		}
		return current;
	}

	private static TitlePeriod titlePeriod(List<RawRow> rows, int headerRow) {
		for (RawRow row : rows) {
			if (row.rowNumber() >= headerRow) {
				break;
			}
			for (RawCell cell : row.cells()) {
				Optional<LocalDate> period = ReportingPeriods.find(cell.value());
				if (period.isPresent()) {
					return new TitlePeriod(period.get(), cell.reference(row.rowNumber()));
				}
			}
		}
		return null;
	}

	private record TitlePeriod(LocalDate period, String cell) {
	}

	private String expectedNames() {
		List<String> names = new ArrayList<>();
		source.columns().values().forEach(c -> names.add(c.aliases().get(0)));
		return String.join(", ", names);
	}

	private record Candidate(RawRow top, RawRow bottom, Map<Integer, String> texts, Map<String, Integer> matched) {
	}

}
