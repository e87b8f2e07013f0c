package org.tally.ingest.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.tally.ingest.RowKind;
import org.tally.ingest.workbook.CellKind;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.normalize.TextKeys;

/**
 * Tells a sheet's data rows from its totals rows (合计 in any cell), note lines (注：, 填报人),
 * section headings (流动资产：), blank rows and repeated headers. The nightly run and
 * {@code tally inspect} classify with this one class.
 */
public final class RowClassifier {

	private static final List<String> TOTALS = List.of("合计", "总计", "小计", "总合计", "累计合计");

	/** 累计 alone is a totals label; as a prefix it begins ordinary text (累计完成…). */
	private static final String RUNNING_TOTAL = "累计";

	/** A label further right than the first cells is short: longer text is data. */
	private static final int LABEL_CHARS = 12;

	private static final List<String> NOTES = List.of("注:", "注：", "说明:", "备注:", "填报人", "审核人", "填表人", "制表人", "联系人",
			"填报日期", "填报单位", "数据来源", "负责人");

	/**
	 * First characters of every note label, simplified and traditional, to skip the
	 * costly key.
	 */
	private static final String NOTE_STARTS = "注註说說备備填审審制联聯数數负負";

	/** 一、产业合作, （二）医疗卫生, 三. 其他: a numbered section of the table. */
	private static final Pattern NUMBERED_SECTION = Pattern.compile("^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]).+");

	/** The header's text per sheet column (null where blank), top and bottom row. */
	private final String[][] header;

	private final int headerCells;

	private final int[] sheetColumns;

	/**
	 * {@code sheetColumns}: per dataset column its sheet column (-1 when absent);
	 * {@code headerRows}: the one or two header rows, to recognise them repeated.
	 */
	public RowClassifier(int[] sheetColumns, List<RawRow> headerRows) {
		this.sheetColumns = sheetColumns.clone();
		this.header = new String[headerRows.size()][];
		int cells = 0;
		for (int h = 0; h < headerRows.size(); h++) {
			List<RawCell> row = headerRows.get(h).cells();
			int width = row.isEmpty() ? 0 : row.get(row.size() - 1).column() + 1;
			header[h] = new String[width];
			for (RawCell cell : row) {
				if (cell.kind() == CellKind.TEXT && !cell.value().isBlank()) {
					header[h][cell.column()] = cell.value().strip();
					cells++;
				}
			}
		}
		this.headerCells = cells;
	}

	/** The kind of a row below the header. */
	public RowKind classify(RawRow row) {
		if (row.cells().isEmpty()) {
			return RowKind.BLANK;
		}
		if (isNote(row)) {
			return RowKind.NOTE;
		}
		if (isRepeatedHeader(row)) {
			return RowKind.REPEATED_HEADER;
		}
		if (isTotals(row)) {
			return RowKind.TOTALS;
		}
		if (isSectionHeading(row)) {
			return RowKind.SECTION_HEADING;
		}
		for (int column : sheetColumns) {
			RawCell cell = column < 0 ? null : row.cell(column);
			if (cell != null && !cell.value().isBlank()) {
				return RowKind.DATA;
			}
		}
		return RowKind.BLANK;
	}

	/** A totals label in any cell: departments move the 序号 column, and its 合计 with it. */
	static boolean isTotals(RawRow row) {
		int seen = 0;
		for (RawCell cell : row.cells()) {
			seen++;
			// Every totals label (合计, 合計, 总计, 小计, 累计) has 计 or 計: other cells skip the
			// costly key.
			if (cell.kind() != CellKind.TEXT || (cell.value().indexOf('计') < 0 && cell.value().indexOf('計') < 0)) {
				continue;
			}
			String text = TextKeys.canonical(cell.value());
			if (seen > 3 && text.length() > LABEL_CHARS) {
				continue;
			}
			if (TOTALS.stream().anyMatch(text::startsWith) || text.equals(RUNNING_TOTAL)
					|| text.equals(RUNNING_TOTAL + ":")) {
				return true;
			}
		}
		return false;
	}

	static boolean isNote(RawRow row) {
		RawCell first = row.cells().get(0);
		if (first.kind() != CellKind.TEXT) {
			return false;
		}
		// The first character that is not white space, without stripping a copy of every
		// first cell.
		String value = first.value();
		int i = 0;
		while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
			i++;
		}
		if (i == value.length() || NOTE_STARTS.indexOf(value.charAt(i)) < 0) {
			return false;
		}
		String text = TextKeys.canonical(first.value());
		return NOTES.stream().anyMatch(text::startsWith);
	}

	/** One text cell and nothing else, ending in a colon or numbered as a section. */
	static boolean isSectionHeading(RawRow row) {
		RawCell only = null;
		for (RawCell cell : row.cells()) {
			if (cell.value().isBlank()) {
				continue;
			}
			if (only != null) {
				return false;
			}
			only = cell;
		}
		if (only == null || only.kind() != CellKind.TEXT) {
			return false;
		}
		String text = only.value().strip();
		return text.endsWith(":") || text.endsWith("：") || NUMBERED_SECTION.matcher(text).matches();
	}

	/** At least half the header's cells, each in its own column, and two at least. */
	private boolean isRepeatedHeader(RawRow row) {
		if (headerCells == 0) {
			return false;
		}
		int same = 0;
		for (RawCell cell : row.cells()) {
			if (cell.kind() != CellKind.TEXT) {
				continue;
			}
			for (String[] texts : header) {
				if (cell.column() < texts.length && texts[cell.column()] != null
						&& texts[cell.column()].equals(cell.value().strip())) {
					same++;
					break;
				}
			}
		}
		int perRow = headerCells / header.length;
		return same >= Math.min(2, perRow) && same * 2 >= perRow;
	}

}
