package org.tally.normalize;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;

/**
 * Canonical form for matching header cells, aliases, enum values and county names across
 * scripts.
 */
public final class TextKeys {

	// ICU transliterators are not thread-safe and costly to build, so each thread builds
	// one once.
	private static final ThreadLocal<Transliterator> TRADITIONAL_TO_SIMPLIFIED = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

	// Characters the transliterator may change; text without any of them (most cells)
	// skips it.
	private static final UnicodeSet TRADITIONAL_ONLY = Transliterator.getInstance("Traditional-Simplified")
		.getSourceSet()
		.freeze();

	private TextKeys() {
	}

	/**
	 * Traditional to simplified, NFKC (full-width to half-width), all whitespace removed,
	 * ASCII lower-cased, every bracket kind written as "()": "合作資金\n（萬元）" -> "合作资金(万元)".
	 * Null gives "".
	 */
	public static String canonical(String text) {
		if (text == null) {
			return "";
		}
		String simplified = toSimplified(Chars.nfkc(text));
		StringBuilder out = new StringBuilder(simplified.length());
		simplified.codePoints().forEach(cp -> {
			if (Chars.isSpaceOrInvisible(cp)) {
				return;
			}
			switch (cp) {
				case '[', '【', '〔', '〖', '{' -> out.append('(');
				case ']', '】', '〕', '〗', '}' -> out.append(')');
				default -> out.appendCodePoint(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
			}
		});
		return out.toString();
	}

	/**
	 * canonical() with every bracketed unit or qualifier removed: "签约投资额（万元）" -> "签约投资额".
	 */
	public static String canonicalWithoutBrackets(String text) {
		String key = canonical(text);
		StringBuilder out = new StringBuilder(key.length());
		int depth = 0;
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				// a stray closing bracket is dropped rather than treated as text
				depth = Math.max(0, depth - 1);
			}
			else if (depth == 0) {
				out.append(c);
			}
		}
		return out.toString();
	}

	static String toSimplified(String text) {
		if (TRADITIONAL_ONLY.containsNone(text)) {
			return text;
		}
		return TRADITIONAL_TO_SIMPLIFIED.get().transliterate(text);
	}

}
