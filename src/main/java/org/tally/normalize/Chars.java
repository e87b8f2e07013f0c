package org.tally.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Character-level cleaning shared by the parsers. */
final class Chars {

	private static final Set<String> PLACEHOLDERS = Set.of("-", "--", "---", "—", "——", "–", "―", "/", "无", "無", "空",
			"n/a");

	/** Longer text is never a placeholder, and need not be lower-cased to find out. */
	private static final int LONGEST_PLACEHOLDER = PLACEHOLDERS.stream().mapToInt(String::length).max().orElse(0);

	private static final Set<String> EXCEL_ERRORS = Set.of("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
			"#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!");

	private Chars() {
	}

	static String nfkc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC);
	}

	/**
	 * Whitespace of any script, plus zero-width characters and BOMs that spreadsheets
	 * smuggle in.
	 */
	static boolean isSpaceOrInvisible(int cp) {
		return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\u200B' || cp == '\u200C'
				|| cp == '\u200D' || cp == '\u2060' || cp == '\uFEFF' || cp == '\u00AD';
	}

	static boolean isInvisible(int cp) {
		return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && isSpaceOrInvisible(cp);
	}

	static String withoutSpaces(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().filter(cp -> !isSpaceOrInvisible(cp)).forEach(out::appendCodePoint);
		return out.toString();
	}

	/**
	 * NFKC with every space removed: the form numbers, codes and dates are recognised in.
	 */
	static String compact(String raw) {
		return withoutSpaces(nfkc(raw));
	}

	static boolean isPlaceholder(String raw) {
		if (raw == null) {
			return true;
		}
		String s = compact(raw);
		return s.isEmpty() || PLACEHOLDERS.contains(s.toLowerCase(Locale.ROOT));
	}

	/** An already-compact text that is one of the placeholder words. */
	static boolean listedPlaceholder(String compact) {
		return compact.length() <= LONGEST_PLACEHOLDER && PLACEHOLDERS.contains(compact.toLowerCase(Locale.ROOT));
	}

	static boolean isExcelError(String compacted) {
		return EXCEL_ERRORS.contains(compacted.toUpperCase(Locale.ROOT));
	}

	/**
	 * PostgreSQL text cannot hold U+0000 (a CSV with a stray NUL byte, an XLSX string
	 * with _x0000_): such a cell is refused here, with its row, rather than failing the
	 * whole file's COPY.
	 */
	static void refuseNul(String raw) {
		if (raw != null && raw.indexOf('\u0000') >= 0) {
			throw new ValueFormatException(raw, "单元格含有空字符（U+0000），无法保存", "the cell contains a NUL character (U+0000)");
		}
	}

	static ValueFormatException excelError(String raw) {
		return new ValueFormatException(raw, "单元格是Excel错误值", "cell holds an Excel error value");
	}

	/**
	 * Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their half-width
	 * forms, nothing else.
	 */
	static int halfWidthAscii(int cp) {
		if (cp >= 0xFF01 && cp <= 0xFF5E) {
			return cp - 0xFEE0;
		}
		return cp == 0x3000 ? ' ' : cp;
	}

	/**
	 * Traditional forms of the numeral characters; the full Transliterator is too slow
	 * for every cell.
	 */
	static String simplifyNumerals(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(switch (c) {
				case '萬' -> '万';
				case '億' -> '亿';
				case '兩' -> '两';
				case '貳' -> '贰';
				case '參' -> '叁';
				case '陸' -> '陆';
				case '點' -> '点';
				case '負' -> '负';
				case '圓' -> '元';
				case '\u2212', '\u2012', '\u2013', '\uFE63' -> '-';
				default -> c;
			});
		}
		return out.toString();
	}

}
