package org.tally.ingest.internal;

import java.util.List;
import org.tally.ingest.workbook.CellKind;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.normalize.TextKeys;

/** Tells a sheet's totals rows (合计) and note lines (注：, 填报人) from its data rows. */
public final class RowClassifier {

	private static final List<String> TOTALS = List.of("合计", "总计", "小计", "总合计", "累计合计");

	private static final List<String> NOTES = List.of("注:", "注：", "说明:", "备注:", "填报人", "审核人", "填表人", "制表人", "联系人",
			"填报日期", "填报单位", "数据来源", "负责人");

	/**
	 * First characters of every note label, simplified and traditional, to skip the
	 * costly key.
	 */
	private static final String NOTE_STARTS = "注註说說备備填审審制联聯数數负負";

	private RowClassifier() {
	}

	public static boolean isTotals(RawRow row) {
		int seen = 0;
		for (RawCell cell : row.cells()) {
			// Every totals label (合计, 合計, 总计, 小计) has 计 or 計: other cells skip the costly
			// key.
			if (cell.kind() == CellKind.TEXT && (cell.value().indexOf('计') >= 0 || cell.value().indexOf('計') >= 0)) {
				String text = TextKeys.canonical(cell.value());
				if (TOTALS.stream().anyMatch(text::startsWith)) {
					return true;
				}
			}
			if (++seen == 3) {
				break;
			}
		}
		return false;
	}

	public static boolean isNote(RawRow row) {
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

}
