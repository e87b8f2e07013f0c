package org.tally.figures.internal.phrasing;

import java.util.Map;
import java.util.Optional;

import org.tally.figures.FigureUnit;
import org.tally.figures.PhraseKind;

/**
 * Reads one figure phrase starting exactly at a position:
 * {@code [hedge] number [余|多] [万|亿|万亿] [余|多] (元 | measure word) [左右]}. Text after the
 * unit is left alone (87个项目 reads as 87个), except what would change the meaning.
 */
public final class PhraseReader {

	private PhraseReader() {
	}

	public static Optional<ReadPhrase> read(String text, int at) {
		String s = Folding.fold(text);
		int i = at;
		PhraseKind hedge = null;
		for (Map.Entry<String, PhraseKind> prefix : PhraseWords.PREFIXES) {
			if (s.startsWith(prefix.getKey(), i)) {
				hedge = prefix.getValue();
				i += prefix.getKey().length();
				break;
			}
		}
		boolean percentWord = s.startsWith("百分之", i);
		if (percentWord) {
			i += 3;
		}
		Optional<WrittenNumber> read = NumberReader.read(s, i);
		if (read.isEmpty()) {
			return Optional.empty();
		}
		WrittenNumber number = read.get();
		i = number.end();
		boolean yu = false;
		if (i < s.length() && isYu(s.charAt(i))) {
			yu = true;
			i++;
		}
		Optional<FigureUnit> ratio = percentWord ? Optional.of(FigureUnit.PERCENT) : ratioUnit(s, i);
		if (ratio.isPresent()) {
			// 百分之六十二 and 62% are percent as written; 六成 is tens of percent.
			int power = !percentWord && s.charAt(i) == '成' ? 1 : 0;
			int end = percentWord ? i : i + 1;
			FigureUnit unit = ratio.get();
			return kindOf(hedge, yu, false)
				.map(kind -> new ReadPhrase(at, end, kind, number.value(), power, unit, null, number.chinese()));
		}
		int exponent = 0;
		for (Map.Entry<String, Integer> magnitude : PhraseWords.MAGNITUDES) {
			if (s.startsWith(magnitude.getKey(), i)) {
				exponent = magnitude.getValue();
				i += magnitude.getKey().length();
				break;
			}
		}
		if (!yu && exponent > 0 && i < s.length() && isYu(s.charAt(i))) {
			yu = true;
			i++;
		}
		FigureUnit unit;
		String measureWord = null;
		if (s.startsWith("元", i)) {
			unit = FigureUnit.CNY;
			i++;
		}
		else {
			Optional<String> word = PhraseWords.startsWithAny(s, i, PhraseWords.MEASURE_WORDS);
			if (word.isEmpty()) {
				return Optional.empty();
			}
			measureWord = word.get();
			unit = FigureUnit.COUNT;
			i += measureWord.length();
			if (measureWord.equals("个")
					&& PhraseWords.startsWithAny(s, i, PhraseWords.NOT_COUNTED_AFTER_GE).isPresent()) {
				return Optional.empty();
			}
		}
		if (PhraseWords.startsWithAny(s, i, PhraseWords.UNSUPPORTED_SUFFIXES).isPresent()) {
			return Optional.empty();
		}
		boolean roughly = s.startsWith("左右", i);
		if (roughly) {
			i += 2;
		}
		int end = i;
		int power = exponent;
		String word = measureWord;
		return kindOf(hedge, yu, roughly)
			.map(kind -> new ReadPhrase(at, end, kind, number.value(), power, unit, word, number.chinese()));
	}

	/** % and 成 make a rate, 倍 a multiple. */
	private static Optional<FigureUnit> ratioUnit(String s, int i) {
		if (i >= s.length()) {
			return Optional.empty();
		}
		return switch (s.charAt(i)) {
			case '%', '成' -> Optional.of(FigureUnit.PERCENT);
			case '倍' -> Optional.of(FigureUnit.MULTIPLE);
			default -> Optional.empty();
		};
	}

	private static boolean isYu(char c) {
		return c == '余' || c == '多';
	}

	/**
	 * Hedges that contradict each other (约600余) are not guessed at; 达600余 is common and
	 * reads as 余.
	 */
	private static Optional<PhraseKind> kindOf(PhraseKind hedge, boolean yu, boolean roughly) {
		if (roughly) {
			return hedge == null && !yu ? Optional.of(PhraseKind.ABOUT) : Optional.empty();
		}
		if (yu) {
			return hedge == null || hedge == PhraseKind.REACH ? Optional.of(PhraseKind.YU) : Optional.empty();
		}
		return Optional.of(hedge == null ? PhraseKind.EXACT : hedge);
	}

}
