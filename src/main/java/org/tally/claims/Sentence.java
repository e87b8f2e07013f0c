package org.tally.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tally.figures.PhraseRange;
import org.tally.figures.PressPhrasing;

/**
 * One sentence of a cleaned text, with what claim reading needs to know of its
 * characters: which are inside titles or quotes (《…》, “…”), and which clause (split at
 * ，、：) each belongs to.
 */
final class Sentence {

	private static final String SENTENCE_ENDS = "。！？；!?;\n";

	private static final String CLAUSE_BREAKS = "，、,：:";

	private static final String OPENING = "《“「『‘〈";

	private static final String CLOSING = "》”」』’〉";

	private static final String CHINESE_NUMERALS = "零〇一二两兩三四五六七八九十百千万亿萬億点點壹贰貳叁參肆伍陆陸柒捌玖拾佰仟";

	/**
	 * Longer than any figure phrase; parsing a window instead of the rest keeps a long
	 * text linear.
	 */
	private static final int LOOKAHEAD = 64;

	private final String text;

	private final boolean[] named;

	private final int[] clause;

	private Sentence(String text) {
		this.text = text;
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
					sentences.add(new Sentence(part));
				}
				from = i + 1;
			}
		}
		return sentences;
	}

	/**
	 * The sentence as quoted in a verdict: without surrounding blanks and dangling
	 * commas.
	 */
	String quoted() {
		int from = 0;
		int to = text.length();
		while (from < to
				&& (Character.isWhitespace(text.charAt(from)) || CLAUSE_BREAKS.indexOf(text.charAt(from)) >= 0)) {
			from++;
		}
		while (to > from
				&& (Character.isWhitespace(text.charAt(to - 1)) || CLAUSE_BREAKS.indexOf(text.charAt(to - 1)) >= 0)) {
			to--;
		}
		return text.substring(from, to);
	}

	boolean sameClause(int a, int b) {
		return clause[a] == clause[b];
	}

	/**
	 * Every figure phrase, left to right. Not claims: numbers in titles and quotes,
	 * ordinals (第…), and numbers written as Chinese numerals below ten (六个相结合, 一个平台):
	 * official texts state statistics in digits or in large numerals, small Chinese
	 * numerals are enumeration. Dates and durations (2022年, 两年, 12个月) carry no amount
	 * unit or measure word and are never read as phrases.
	 */
	List<ClaimChecker.Claim> claims() {
		List<ClaimChecker.Claim> claims = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			Optional<PhraseRange> read = mayStart(i)
					? PressPhrasing.parse(text.substring(i, Math.min(text.length(), i + LOOKAHEAD))) : Optional.empty();
			if (read.isEmpty()) {
				i++;
				continue;
			}
			PhraseRange range = read.get();
			int end = i + range.phrase().length();
			if (anyNamed(i, end)) {
				i++;
				continue;
			}
			if (!isEnumeration(range)) {
				claims.add(new ClaimChecker.Claim(i, end, range));
			}
			i = end;
		}
		return claims;
	}

	/**
	 * Every alias occurrence outside titles and quotes and outside the claims themselves.
	 */
	List<ClaimChecker.Occurrence> occurrences(List<ClaimChecker.Alias> aliases, List<ClaimChecker.Claim> claims) {
		List<ClaimChecker.Occurrence> found = new ArrayList<>();
		for (ClaimChecker.Alias alias : aliases) {
			for (int at = text.indexOf(alias.text()); at >= 0; at = text.indexOf(alias.text(), at + 1)) {
				int end = at + alias.text().length();
				int start = at;
				boolean insideClaim = claims.stream().anyMatch(c -> start < c.end() && c.start() < end);
				if (!anyNamed(start, end) && !insideClaim) {
					found.add(new ClaimChecker.Occurrence(start, end, alias));
				}
			}
		}
		return found;
	}

	/** A phrase never starts in the middle of a number, nor right after 第. */
	private boolean mayStart(int i) {
		char c = text.charAt(i);
		if (Character.isWhitespace(c) || named[i]) {
			return false;
		}
		if (i == 0) {
			return true;
		}
		char before = text.charAt(i - 1);
		if (before == '第' || Character.isDigit(before) || before == '.' || before == '．') {
			return false;
		}
		boolean chineseStart = CHINESE_NUMERALS.indexOf(c) >= 0;
		return !(chineseStart && CHINESE_NUMERALS.indexOf(before) >= 0);
	}

	private static boolean isEnumeration(PhraseRange range) {
		boolean digits = range.phrase().chars().anyMatch(Character::isDigit);
		return !digits && range.low().compareTo(BigDecimal.TEN) < 0;
	}

	private boolean anyNamed(int from, int to) {
		for (int k = from; k < to; k++) {
			if (named[k]) {
				return true;
			}
		}
		return false;
	}

	private static boolean[] namedParts(String text) {
		boolean[] named = new boolean[text.length()];
		int depth = 0;
		boolean straightQuote = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (OPENING.indexOf(c) >= 0) {
				depth++;
			}
			else if (c == '"') {
				straightQuote = !straightQuote;
				named[i] = true;
				continue;
			}
			named[i] = depth > 0 || straightQuote;
			if (CLOSING.indexOf(c) >= 0 && depth > 0) {
				depth--;
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
