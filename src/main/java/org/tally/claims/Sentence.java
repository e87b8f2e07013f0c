package org.tally.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence of a cleaned text, with what claim reading needs to know of its
 * characters: where it starts in the text, which characters are inside titles (《…》) or
 * quotes (“…”), and which clause (split at ，、：) each belongs to.
 */
final class Sentence {

	private static final String SENTENCE_ENDS = "。！？；!?;\n";

	private static final String CLAUSE_BREAKS = "，、,：:";

	private static final String OPENING = "《“「『‘〈";

	private static final String CLOSING = "》”」』’〉";

	/** Not inside a title or quote. */
	static final char PLAIN = ' ';

	private final String text;

	private final int offset;

	/** Per character: the opening mark it stands inside (《, “, …, " ), or PLAIN. */
	private final char[] named;

	private final int[] clause;

	private Sentence(String text, int offset) {
		this.text = text;
		this.offset = offset;
		this.named = namedParts(text);
		this.clause = clauses(text);
	}

	static List<Sentence> split(String text) {
		List<Sentence> sentences = new ArrayList<>();
		int from = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
				String part = text.substring(from, i);
				if (!part.isBlank()) {
					sentences.add(new Sentence(part, from));
				}
				from = i + 1;
			}
		}
		return sentences;
	}

	String text() {
		return text;
	}

	/** Where the sentence starts in the cleaned text. */
	int offset() {
		return offset;
	}

	/**
	 * The sentence as quoted in a verdict: without surrounding blanks and dangling
	 * commas.
	 */
	String quoted() {
		int from = 0;
		int to = text.length();
		while (from < to && isBlankOrBreak(text.charAt(from))) {
			from++;
		}
		while (to > from && isBlankOrBreak(text.charAt(to - 1))) {
			to--;
		}
		return text.substring(from, to);
	}

	private static boolean isBlankOrBreak(char c) {
		return Character.isWhitespace(c) || CLAUSE_BREAKS.indexOf(c) >= 0;
	}

	/** The first index of the clause holding {@code i}. */
	int clauseStart(int i) {
		int k = i;
		while (k > 0 && clause[k - 1] == clause[i]) {
			k--;
		}
		return k;
	}

	/** The index after the last character of the clause holding {@code i}. */
	int clauseEnd(int i) {
		int k = i;
		while (k < text.length() && clause[k] == clause[i]) {
			k++;
		}
		return k;
	}

	/** The mark a character stands inside: 《 for a title, a quote mark, or PLAIN. */
	char namedBy(int i) {
		return named[i];
	}

	boolean anyNamed(int from, int to) {
		for (int k = from; k < to; k++) {
			if (named[k] != PLAIN) {
				return true;
			}
		}
		return false;
	}

	private static char[] namedParts(String text) {
		char[] named = new char[text.length()];
		List<Character> open = new ArrayList<>();
		boolean straightQuote = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (OPENING.indexOf(c) >= 0) {
				open.add(c);
			}
			else if (c == '"') {
				straightQuote = !straightQuote;
				named[i] = '"';
				continue;
			}
			named[i] = !open.isEmpty() ? open.get(0) : straightQuote ? '"' : PLAIN;
			if (CLOSING.indexOf(c) >= 0 && !open.isEmpty()) {
				open.remove(open.size() - 1);
			}
		}
		return named;
	}

	private static int[] clauses(String text) {
		int[] clause = new int[text.length()];
		int current = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean thousands = (c == ',' || c == '，') && i > 0 && Character.isDigit(text.charAt(i - 1))
					&& i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
			if (CLAUSE_BREAKS.indexOf(c) >= 0 && !thousands) {
				current++;
			}
			clause[i] = current;
		}
		return clause;
	}

}
