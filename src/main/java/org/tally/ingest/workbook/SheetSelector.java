package org.tally.ingest.workbook;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a source picks its sheet: by exact name, by 0-based index among visible worksheets,
 * or by a regex matched against the whole name (first visible match wins). Null fields
 * are unused; when none is set, the first visible worksheet. Hidden and very hidden
 * sheets are only reachable by exact name. CSV files have a single sheet and ignore the
 * selector.
 */
public record SheetSelector(String name, Integer index, String pattern) {

	public SheetSelector {
		int set = (name != null ? 1 : 0) + (index != null ? 1 : 0) + (pattern != null ? 1 : 0);
		if (set > 1) {
			throw new IllegalArgumentException("set only one of name, index, pattern");
		}
		if (index != null && index < 0) {
			throw new IllegalArgumentException("sheet index must be >= 0: " + index);
		}
		if (pattern != null) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException e) {
				throw new IllegalArgumentException("invalid sheet pattern: " + pattern, e);
			}
		}
	}

	public static SheetSelector first() {
		return new SheetSelector(null, null, null);
	}

	public static SheetSelector named(String name) {
		return new SheetSelector(name, null, null);
	}

	public static SheetSelector at(int index) {
		return new SheetSelector(null, index, null);
	}

	public static SheetSelector matching(String regex) {
		return new SheetSelector(null, null, regex);
	}

	/** Human form for messages, e.g. {@code name '项目台账'}. */
	public String describe() {
		if (name != null) {
			return "'" + name + "'";
		}
		if (index != null) {
			return "#" + index + " (0-based, visible sheets)";
		}
		if (pattern != null) {
			return "matching /" + pattern + "/";
		}
		return "first visible";
	}
}
