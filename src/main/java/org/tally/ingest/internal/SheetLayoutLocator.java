package org.tally.ingest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.time.LocalDate;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.workbook.CellKind;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.normalize.AmountUnit;
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

	public SheetLayoutLocator(SourceDefinition source, DatasetDefinition dataset) {
		this.source = source;
		this.dataset = dataset;
		source.columns().forEach((column, spec) -> {
			for (String alias : spec.aliases()) {
				aliasToColumn.putIfAbsent(TextKeys.canonicalWithoutBrackets(alias), column);
				aliasToColumn.putIfAbsent(TextKeys.canonical(alias), column);
			}
		});
	}

	public SheetLayout locate(List<RawRow> firstRows) {
		Candidate best = null;
		List<Candidate> singles = new ArrayList<>();
		for (RawRow row : firstRows) {
			Candidate single = match(row, null, headerTexts(row, null));
			singles.add(single);
			best = better(best, single);
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
				best = better(best, pair);
			}
		}
		if (best == null || best.matched.isEmpty()) {
			throw new SheetLayoutException("no header row found in the first " + source.headerSearchRows()
					+ " rows: none of the expected column names (" + expectedNames() + ") appears");
		}
		List<String> missing = new ArrayList<>();
		for (ColumnDefinition column : dataset.columns()) {
			if (column.required() && !best.matched.containsKey(column.name())) {
				missing.add(column.name() + " " + source.columns().get(column.name()).aliases());
			}
		}
		if (!missing.isEmpty()) {
			throw new SheetLayoutException("required column(s) missing: " + String.join(", ", missing) + "; header row "
					+ best.top.rowNumber() + " has: " + best.texts.values());
		}
		int[] sheetColumns = new int[dataset.columns().size()];
		Arrays.fill(sheetColumns, -1);
		List<AmountUnit> units = new ArrayList<>();
		AmountUnit lineUnit = unitLine(firstRows, best.top.rowNumber()).orElse(null);
		AmountUnit sourceUnit = source.unit() == null ? AmountUnit.YUAN
				: AmountUnit.findIn(source.unit()).orElse(AmountUnit.YUAN);
		for (int i = 0; i < dataset.columns().size(); i++) {
			ColumnDefinition column = dataset.columns().get(i);
			Integer sheetColumn = best.matched.get(column.name());
			AmountUnit unit = null;
			if (sheetColumn != null) {
				sheetColumns[i] = sheetColumn;
				SourceDefinition.Column spec = source.columns().get(column.name());
				if (spec.unit() != null) {
					unit = AmountUnit.findIn(spec.unit()).orElse(null);
				}
				if (unit == null) {
					unit = AmountUnit.findIn(best.texts.get(sheetColumn)).orElse(null);
				}
			}
			if (unit == null && column.type() == ColumnType.MONEY) {
				unit = lineUnit != null ? lineUnit : sourceUnit;
			}
			units.add(unit);
		}
		int last = best.bottom == null ? best.top.rowNumber() : best.bottom.rowNumber();
		return new SheetLayout(best.top.rowNumber(), last, sheetColumns, units,
				titlePeriod(firstRows, best.top.rowNumber()), List.copyOf(best.texts.values()));
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

	private static Optional<AmountUnit> unitLine(List<RawRow> rows, int headerRow) {
		for (RawRow row : rows) {
			if (row.rowNumber() >= headerRow) {
				break;
			}
			for (RawCell cell : row.cells()) {
				String text = TextKeys.canonical(cell.value());
				if (text.contains("单位")) {
					Optional<AmountUnit> unit = AmountUnit.findIn(text.substring(text.indexOf("单位")));
					if (unit.isPresent()) {
						return unit;
					}
				}
			}
		}
		return Optional.empty();
	}

	private static LocalDate titlePeriod(List<RawRow> rows, int headerRow) {
		for (RawRow row : rows) {
			if (row.rowNumber() >= headerRow) {
				break;
			}
			for (RawCell cell : row.cells()) {
				Optional<LocalDate> period = ReportingPeriods.find(cell.value());
				if (period.isPresent()) {
					return period.get();
				}
			}
		}
		return null;
	}

	private String expectedNames() {
		List<String> names = new ArrayList<>();
		source.columns().values().forEach(c -> names.add(c.aliases().get(0)));
		return String.join(", ", names);
	}

	private record Candidate(RawRow top, RawRow bottom, Map<Integer, String> texts, Map<String, Integer> matched) {
	}

}
