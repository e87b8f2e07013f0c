package org.tally.operate.cli;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns line up in a terminal, counting CJK characters as two
 * columns.
 */
public final class TextTable {

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	public TextTable(String... header) {
		this.header = List.of(header);
	}

	public TextTable row(Object... cells) {
		List<String> row = new ArrayList<>();
		for (Object cell : cells) {
			row.add(cell == null ? "" : cell.toString());
		}
		rows.add(row);
		return this;
	}

	public boolean isEmpty() {
		return rows.isEmpty();
	}

	@Override
	public String toString() {
		int[] widths = new int[header.size()];
		for (int i = 0; i < header.size(); i++) {
			widths[i] = width(header.get(i));
		}
		for (List<String> row : rows) {
			for (int i = 0; i < row.size() && i < widths.length; i++) {
				widths[i] = Math.max(widths[i], width(row.get(i)));
			}
		}
		StringBuilder out = new StringBuilder();
		line(out, header, widths);
		List<String> rule = new ArrayList<>();
		for (int w : widths) {
			rule.add("-".repeat(w));
		}
		line(out, rule, widths);
		rows.forEach(row -> line(out, row, widths));
		return out.toString();
	}

	private static void line(StringBuilder out, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			String cell = i < cells.size() ? cells.get(i) : "";
			line.append(cell);
			if (i < widths.length - 1) {
				line.append(" ".repeat(widths[i] - width(cell) + 2));
			}
		}
		out.append(line.toString().stripTrailing()).append('\n');
	}

	/**
	 * Display width: East Asian wide and full-width characters take two terminal columns.
	 */
	static int width(String text) {
		int width = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
			width += eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH ? 2 : 1;
			i += Character.charCount(cp);
		}
		return width;
	}

}
