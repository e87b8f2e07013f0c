package org.tally.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.util.CellReference;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.normalize.AmountUnit;
import org.tally.normalize.TextKeys;

/**
 * Decides each column's amount unit, in this order: the column's own setting, its header
 * text (金额（万元）), a unit line above the header (单位：万元), the source's unit, yuan. A unit
 * written in a cell (3.5亿) still wins for that cell.
 */
public final class UnitOrigins {

	private final SourceDefinition source;

	private final DatasetDefinition dataset;

	UnitOrigins(SourceDefinition source, DatasetDefinition dataset) {
		this.source = source;
		this.dataset = dataset;
	}

	/** Where a column's unit was read. */
	public enum Origin {

		COLUMN_SETTING, HEADER, UNIT_LINE, SOURCE_SETTING, DEFAULT

	}

	/**
	 * A column's unit (null for a column that is not money and names none) and where it
	 * came from: the configuration key or the cell.
	 */
	public record Unit(String column, AmountUnit unit, Origin origin, String where) {
	}

	List<Unit> units(List<RawRow> firstRows, int headerRow, int[] sheetColumns, Map<Integer, String> headerTexts) {
		List<Unit> units = new ArrayList<>();
		Unit line = unitLine(firstRows, headerRow);
		Optional<AmountUnit> sourceUnit = source.unit() == null ? Optional.empty() : AmountUnit.findIn(source.unit());
		for (int i = 0; i < dataset.columns().size(); i++) {
			ColumnDefinition column = dataset.columns().get(i);
			Unit unit = null;
			if (sheetColumns[i] >= 0) {
				SourceDefinition.Column spec = source.columns().get(column.name());
				if (spec.unit() != null && AmountUnit.findIn(spec.unit()).isPresent()) {
					unit = new Unit(column.name(), AmountUnit.findIn(spec.unit()).get(), Origin.COLUMN_SETTING,
							"columns." + column.name() + ".unit");
				}
				Optional<AmountUnit> header = AmountUnit.findIn(headerTexts.get(sheetColumns[i]));
				if (unit == null && header.isPresent()) {
					unit = new Unit(column.name(), header.get(), Origin.HEADER,
							CellReference.convertNumToColString(sheetColumns[i]) + headerRow);
				}
			}
			if (unit == null && column.type() == ColumnType.MONEY) {
				if (line != null) {
					unit = new Unit(column.name(), line.unit(), Origin.UNIT_LINE, line.where());
				}
				else if (sourceUnit.isPresent()) {
					unit = new Unit(column.name(), sourceUnit.get(), Origin.SOURCE_SETTING, "unit");
				}
				else {
					unit = new Unit(column.name(), AmountUnit.YUAN, Origin.DEFAULT, null);
				}
			}
			units.add(unit == null ? new Unit(column.name(), null, null, null) : unit);
		}
		return units;
	}

	private static Unit unitLine(List<RawRow> rows, int headerRow) {
		for (RawRow row : rows) {
			if (row.rowNumber() >= headerRow) {
				break;
			}
			for (RawCell cell : row.cells()) {
				String text = TextKeys.canonical(cell.value());
				if (text.contains("单位")) {
					Optional<AmountUnit> unit = AmountUnit.findIn(text.substring(text.indexOf("单位")));
					if (unit.isPresent()) {
						return new Unit(null, unit.get(), Origin.UNIT_LINE, cell.reference(row.rowNumber()));
					}
				}
			}
		}
		return null;
	}

}
