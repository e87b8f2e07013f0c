package org.tally.figures.internal.phrasing;

/**
 * Folds the characters a figure phrase may be written with onto one spelling, one
 * character for one character, so that positions in the folded text are positions in the
 * original. Only the characters phrases use are folded: full-width digits and the
 * traditional forms of units, hedges and numerals. Whole texts are converted with ICU by
 * the callers that need it.
 */
final class Folding {

	private static final String TRADITIONAL = "萬億個項約達過餘兩點處場條臺戶種間貳參陸將幾";

	private static final String SIMPLIFIED = "万亿个项约达过余两点处场条台户种间贰叁陆将几";

	private Folding() {
	}

	static String fold(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			out.append(fold(text.charAt(i)));
		}
		return out.toString();
	}

	static char fold(char c) {
		if (c >= '０' && c <= '９') {
			return (char) ('0' + (c - '０'));
		}
		if (c == '．') {
			return '.';
		}
		if (c == '，') {
			return ',';
		}
		if (c == '％') {
			return '%';
		}
		int t = TRADITIONAL.indexOf(c);
		return t >= 0 ? SIMPLIFIED.charAt(t) : c;
	}

}
