package org.tally.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tally.figures.FigureUnit;
import org.tally.figures.PhraseKind;
import org.tally.figures.PhraseRange;
import org.tally.figures.PressPhrasing;

/**
 * The figure phrases of a sentence, left to right: what {@link PressPhrasing#parse} reads
 * (600余亿元, 140个, 62%, 六成, 5.5倍), an amount with a bare 亿 or 万 (1.03亿), and 过半. Not
 * phrases: anything inside titles and quotes, after 第, from the middle of a number, and
 * counts in Chinese numerals below ten (六个相结合: enumeration, not statistics).
 */
final class PhraseSpans {

	/**
	 * Longer than any figure phrase; parsing a window instead of the rest keeps a long
	 * text linear.
	 */
	private static final int LOOKAHEAD = 64;

	private static final Pattern BARE_AMOUNT = Pattern
		.compile("^(大约|约|将近|接近|近|不足|超过|超|逾|突破|达到|高达|达)?[0-9][0-9,]*(\\.[0-9]+)?(余|多)?(万亿|亿|万)(余|多)?");

	private static final Pattern MAJORITY = Pattern.compile("过半|超过半数|半数以上|一半以上");

	private PhraseSpans() {
	}

	/** A figure phrase at [start, end) of a sentence. */
	record Phrase(int start, int end, PhraseRange range) {
	}

	static List<Phrase> find(Sentence sentence) {
		String text = sentence.text();
		List<Phrase> phrases = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			Optional<PhraseRange> read = mayStart(sentence, i) ? read(text, i) : Optional.empty();
			if (read.isEmpty()) {
				i++;
				continue;
			}
			PhraseRange range = read.get();
			int end = i + range.phrase().length();
			if (sentence.anyNamed(i, end)) {
				i++;
				continue;
			}
			if (!isEnumeration(range)) {
				phrases.add(new Phrase(i, end, range));
			}
			i = end;
		}
		Matcher majority = MAJORITY.matcher(text);
		while (majority.find()) {
			if (!sentence.anyNamed(majority.start(), majority.end())) {
				phrases.add(new Phrase(majority.start(), majority.end(), new PhraseRange(majority.group(),
						PhraseKind.OVER, FigureUnit.PERCENT, new BigDecimal("50"), new BigDecimal("100"), true)));
			}
		}
		phrases.sort((a, b) -> Integer.compare(a.start(), b.start()));
		return phrases;
	}

	private static Optional<PhraseRange> read(String text, int i) {
		String window = text.substring(i, Math.min(text.length(), i + LOOKAHEAD));
		Optional<PhraseRange> read = PressPhrasing.parse(window);
		if (read.isPresent()) {
			return read;
		}
		Matcher bare = BARE_AMOUNT.matcher(window);
		if (!bare.find() || (bare.end() < window.length() && isUnitStart(window.charAt(bare.end())))) {
			return Optional.empty();
		}
		return PressPhrasing.parse(bare.group() + "元")
			.map(r -> new PhraseRange(bare.group(), r.kind(), r.unit(), r.low(), r.high(), r.highInclusive()));
	}

	private static boolean isUnitStart(char c) {
		return "元人个项所家名户件座处条批场位台套种以".indexOf(c) >= 0;
	}

	/** A phrase never starts in the middle of a number, nor right after 第. */
	private static boolean mayStart(Sentence sentence, int i) {
		String text = sentence.text();
		char c = text.charAt(i);
		if (Character.isWhitespace(c) || sentence.namedBy(i) != Sentence.PLAIN) {
			return false;
		}
		if (i == 0) {
			return true;
		}
		char before = text.charAt(i - 1);
		if (before == '第' || Character.isDigit(before) || before == '.' || before == '．') {
			return false;
		}
		boolean chineseStart = NumberSpans.CHINESE.indexOf(c) >= 0;
		return !(chineseStart && NumberSpans.CHINESE.indexOf(before) >= 0 && !text.startsWith("百分之", i));
	}

	private static boolean isEnumeration(PhraseRange range) {
		boolean digits = range.phrase().chars().anyMatch(Character::isDigit);
		return range.unit() == FigureUnit.COUNT && !digits && range.low().compareTo(BigDecimal.TEN) < 0;
	}

}
