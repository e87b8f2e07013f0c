package org.tally.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tally.figures.internal.phrasing.PhraseReader;
import org.tally.figures.internal.phrasing.ReadPhrase;
import org.tally.figures.internal.phrasing.PhraseWords;

/**
 * Renders and parses the way Chinese official texts state numbers (600余亿元, 约110亿元,
 * 达1.03亿元, 140个), so that whatever is rendered for a value parses back to a range that
 * holds the value.
 */
public final class PressPhrasing {

	private static final BigDecimal HALF = new BigDecimal("0.5");

	private static final int LONGEST_PHRASE = 64;

	private static final Map<PhraseKind, String> CHINESE_HEDGE = Map.of(PhraseKind.EXACT, "", PhraseKind.REACH, "达",
			PhraseKind.ABOUT, "约", PhraseKind.NEAR, "近", PhraseKind.OVER, "超", PhraseKind.YU, "");

	private static final Map<PhraseKind, String> ENGLISH_HEDGE = Map.of(PhraseKind.EXACT, "", PhraseKind.REACH, "",
			PhraseKind.ABOUT, "about ", PhraseKind.NEAR, "nearly ", PhraseKind.OVER, "more than ", PhraseKind.YU,
			"over ");

	private static final Map<String, String> ENGLISH_GLOSS = Map.of("人次", "person-times", "名", "people", "人", "people");

	private PressPhrasing() {
	}

	/**
	 * The value as a table shows it: yuan in the amount unit rounded half up to
	 * {@code decimals} (60237450000, 亿元, 2 → 602.37亿元); counts exactly, with the measure
	 * word (140 → 140个), unless the amount unit is a bare 万 or 亿, in which case the count
	 * is rounded in that magnitude (1.25万人次).
	 */
	public static String display(BigDecimal value, FigureUnit unit, String amountUnit, int decimals,
			String measureWord) {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(unit, "unit");
		if (decimals < 0) {
			throw new IllegalArgumentException("decimals must not be negative, was " + decimals);
		}
		int exponent = exponentOf(unit, amountUnit);
		String suffix = suffixOf(unit, exponent, measureWord);
		if (unit == FigureUnit.COUNT && exponent == 0) {
			return plain(value) + suffix;
		}
		return value.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_UP).toPlainString() + suffix;
	}

	/**
	 * The value phrased in Chinese; {@code parse(render(v, u, s))} always holds
	 * {@code v}.
	 */
	public static String render(BigDecimal value, FigureUnit unit, PhraseStyle style) {
		Stated stated = state(value, unit, style);
		return CHINESE_HEDGE.get(style.kind()) + stated.number() + (style.kind() == PhraseKind.YU ? "余" : "")
				+ stated.suffix();
	}

	/**
	 * The same statement in English, from the same rounded number: 600余亿元 → "over 60
	 * billion yuan", 约110亿元 → "about 11 billion yuan", 140个 → "140", 逾3000人次 → "more than
	 * 3,000 person-times".
	 */
	public static String renderEnglish(BigDecimal value, FigureUnit unit, PhraseStyle style) {
		Stated stated = state(value, unit, style);
		BigDecimal inBase = new BigDecimal(stated.number()).movePointRight(stated.exponent());
		String amount = englishNumber(inBase);
		String tail;
		if (unit == FigureUnit.CNY) {
			tail = " yuan";
		}
		else {
			String gloss = ENGLISH_GLOSS.get(style.measureWord().strip());
			tail = gloss == null ? "" : " " + gloss;
		}
		return ENGLISH_HEDGE.get(style.kind()) + amount + tail;
	}

	/**
	 * Reads the figure phrase at the start of {@code phrase} (leading blanks skipped;
	 * text after the unit, such as the noun in 87个项目, is ignored and left out of
	 * {@link PhraseRange#phrase()}). Traditional characters, full-width digits, thousands
	 * separators, Chinese numerals, rates (62%, 百分之六十二, 六成) and multiples (5.5倍) are
	 * read. Empty when no figure phrase starts there, or it has a bound not modelled
	 * (以上).
	 */
	public static Optional<PhraseRange> parse(String phrase) {
		Objects.requireNonNull(phrase, "phrase");
		String text = phrase.stripLeading();
		// No phrase is longer than a few dozen characters; reading a window keeps
		// scanning a long text linear.
		String window = text.substring(0, Math.min(text.length(), LONGEST_PHRASE));
		return PhraseReader.read(window, 0).map(read -> rangeOf(text.substring(read.start(), read.end()), read));
	}

	private static PhraseRange rangeOf(String text, ReadPhrase read) {
		BigDecimal n = read.number();
		BigDecimal low;
		BigDecimal high;
		boolean highInclusive = false;
		switch (read.kind()) {
			case EXACT, REACH -> {
				if (read.unit() == FigureUnit.COUNT && read.exponent() == 0) {
					low = n;
					high = n;
					highInclusive = true;
				}
				else {
					BigDecimal halfWritten = writtenUnit(n).multiply(HALF);
					low = n.subtract(halfWritten);
					high = n.add(halfWritten);
				}
			}
			case YU -> {
				low = n;
				high = n.add(lastNonZeroUnit(n));
			}
			case ABOUT -> {
				BigDecimal half = significantUnit(n).multiply(HALF);
				low = n.subtract(half);
				high = n.add(half);
			}
			case NEAR -> {
				low = n.subtract(significantUnit(n));
				high = n;
			}
			case OVER -> {
				low = n;
				high = null;
			}
			default -> throw new IllegalStateException("unhandled kind " + read.kind());
		}
		int e = read.exponent();
		return new PhraseRange(text, read.kind(), read.unit(), low.movePointRight(e),
				high == null ? null : high.movePointRight(e), highInclusive);
	}

	/** The unit of the last written digit: 1.03 → 0.01, 600 → 1. */
	private static BigDecimal writtenUnit(BigDecimal n) {
		return BigDecimal.ONE.movePointLeft(Math.max(n.scale(), 0));
	}

	/** The unit of the last non-zero digit: 600 → 100, 1.5 → 0.1, 1.50 → 0.1. */
	private static BigDecimal lastNonZeroUnit(BigDecimal n) {
		if (n.signum() == 0) {
			return BigDecimal.ONE;
		}
		return BigDecimal.ONE.scaleByPowerOfTen(-n.stripTrailingZeros().scale());
	}

	/**
	 * Written decimals are significant (1.50 → 0.01); an integer's trailing zeros are not
	 * (110 → 10).
	 */
	private static BigDecimal significantUnit(BigDecimal n) {
		return n.scale() > 0 ? writtenUnit(n) : lastNonZeroUnit(n);
	}

	/**
	 * The number to state and the words after it, shared by the Chinese and English
	 * renderings.
	 */
	private record Stated(String number, int exponent, String suffix) {
	}

	private static Stated state(BigDecimal value, FigureUnit unit, PhraseStyle style) {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(style, "style");
		if (value.signum() < 0) {
			throw new IllegalArgumentException("press figures are not negative, was " + value.toPlainString());
		}
		int exponent = exponentOf(unit, style.amountUnit());
		String suffix = suffixOf(unit, exponent, style.measureWord());
		BigDecimal scaled = value.movePointLeft(exponent);
		String number = switch (style.kind()) {
			case EXACT,
					REACH ->
				unit == FigureUnit.COUNT && exponent == 0 ? plain(value)
						: roundHalfUp(scaled, BigDecimal.ONE.movePointLeft(style.decimals()))
							.setScale(style.decimals(), RoundingMode.UNNECESSARY)
							.toPlainString();
			case YU -> plain(floor(scaled, significantUnit(scaled, style)));
			case ABOUT -> plain(roundHalfUp(scaled, significantUnit(scaled, style)));
			case NEAR -> {
				BigDecimal unitOfDigit = significantUnit(scaled, style);
				yield plain(floor(scaled, unitOfDigit).add(unitOfDigit));
			}
			case OVER -> plain(strictlyBelow(scaled, significantUnit(scaled, style), value));
		};
		return new Stated(number, exponent, suffix);
	}

	private static BigDecimal significantUnit(BigDecimal scaled, PhraseStyle style) {
		if (style.significant() < 1) {
			throw new IllegalArgumentException(style.kind() + " needs at least one significant digit, style " + style);
		}
		if (scaled.signum() == 0) {
			return BigDecimal.ONE;
		}
		int leadingDigit = scaled.precision() - scaled.scale() - 1;
		return BigDecimal.ONE.scaleByPowerOfTen(leadingDigit - style.significant() + 1);
	}

	private static BigDecimal floor(BigDecimal x, BigDecimal unit) {
		return x.divide(unit).setScale(0, RoundingMode.FLOOR).multiply(unit);
	}

	/**
	 * Rounds to the nearest multiple of unit, halves up, so x lies in [N − unit/2, N +
	 * unit/2).
	 */
	private static BigDecimal roundHalfUp(BigDecimal x, BigDecimal unit) {
		return x.divide(unit).add(HALF).setScale(0, RoundingMode.FLOOR).multiply(unit);
	}

	/**
	 * The largest multiple of unit below x; finer units when that would be 0 (超90, not
	 * 超0, for 100).
	 */
	private static BigDecimal strictlyBelow(BigDecimal x, BigDecimal unit, BigDecimal original) {
		if (x.signum() <= 0) {
			throw new IllegalArgumentException("超/逾 needs a positive value, was " + original.toPlainString());
		}
		BigDecimal step = unit;
		while (true) {
			BigDecimal below = x.divide(step).setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE).multiply(step);
			if (below.signum() > 0) {
				return below;
			}
			step = step.movePointLeft(1);
		}
	}

	private static String plain(BigDecimal n) {
		BigDecimal stripped = n.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

	private static int exponentOf(FigureUnit unit, String amountUnit) {
		if (unit == FigureUnit.PERCENT || unit == FigureUnit.MULTIPLE) {
			return 0;
		}
		if (unit == FigureUnit.CNY) {
			String stated = amountUnit == null ? "元" : amountUnit;
			return PhraseWords.amountExponent(stated)
				.orElseThrow(() -> new IllegalArgumentException(
						"amount unit must be 元, 万元, 亿元 or 万亿元, was '" + amountUnit + "'"));
		}
		return PhraseWords.magnitudeExponent(amountUnit).orElse(0);
	}

	private static String suffixOf(FigureUnit unit, int exponent, String measureWord) {
		if (unit == FigureUnit.PERCENT) {
			return "%";
		}
		if (unit == FigureUnit.MULTIPLE) {
			return "倍";
		}
		if (unit == FigureUnit.CNY) {
			return PhraseWords.magnitudeWord(exponent) + "元";
		}
		if (!PhraseWords.isMeasureWord(measureWord)) {
			throw new IllegalArgumentException("a count needs a measure word a reader can find again "
					+ PhraseWords.MEASURE_WORDS + ", was '" + measureWord + "'");
		}
		return PhraseWords.magnitudeWord(exponent) + measureWord.strip();
	}

	private static String englishNumber(BigDecimal v) {
		String[] names = { "trillion", "billion", "million" };
		int[] powers = { 12, 9, 6 };
		for (int k = 0; k < names.length; k++) {
			if (v.compareTo(BigDecimal.ONE.movePointRight(powers[k])) >= 0) {
				return plain(v.movePointLeft(powers[k])) + " " + names[k];
			}
		}
		String text = plain(v);
		int point = text.indexOf('.');
		String whole = point < 0 ? text : text.substring(0, point);
		StringBuilder grouped = new StringBuilder();
		for (int k = 0; k < whole.length(); k++) {
			if (k > 0 && (whole.length() - k) % 3 == 0) {
				grouped.append(',');
			}
			grouped.append(whole.charAt(k));
		}
		return point < 0 ? grouped.toString() : grouped + text.substring(point);
	}

}
