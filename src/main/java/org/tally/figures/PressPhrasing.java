package org.tally.figures;

import static org.tally.figures.internal.phrasing.Rounding.plain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tally.figures.internal.phrasing.EnglishNumbers;
import org.tally.figures.internal.phrasing.PhraseReader;
import org.tally.figures.internal.phrasing.PhraseWords;
import org.tally.figures.internal.phrasing.ReadPhrase;
import org.tally.figures.internal.phrasing.Rounding;

/**
 * Renders and parses the way Chinese official texts state numbers (600余亿元, 约110亿元,
 * 达1.03亿元, 140个; 449.78万亿元, 100万个 for figures in the unit of their magnitude), so that
 * whatever is rendered for a value parses back to a range that holds the value.
 */
public final class PressPhrasing {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.ONE.movePointRight(4);

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
		return display(value, unit, amountUnit, decimals, measureWord, false);
	}

	/**
	 * The value as a table shows it in the unit of its magnitude ({@link #magnitudeOf})
	 * rather than always in the amount unit: 449784766000000 yuan, 2 decimals →
	 * 449.78万亿元; 70778500 → 7077.85万元; a count with no magnitude asked for keeps every
	 * digit (1000000 → 100万个, 12345 → 1.2345万个).
	 */
	public static String displayScaled(BigDecimal value, FigureUnit unit, String amountUnit, int decimals,
			String measureWord) {
		return display(value, unit, amountUnit, decimals, measureWord, true);
	}

	/**
	 * The power of ten of the unit a scaled figure is stated in: 0 (元, 个) below 1万, 4
	 * (万元, 万个) below 1亿, 8 (亿元, 亿个) below 1万亿, else 12 (万亿元, 万亿个). Where the stated
	 * number then rounds up to 10000, the next unit is used (9999.999亿, 2 decimals →
	 * 1.00万亿元, not 10000.00亿元).
	 */
	public static int magnitudeOf(BigDecimal value) {
		return PhraseWords.exponentOfMagnitude(Objects.requireNonNull(value, "value"), 0);
	}

	/** The amount unit of a magnitude: 0 → 元, 4 → 万元, 8 → 亿元, 12 → 万亿元. */
	public static String amountUnitOf(int exponent) {
		return PhraseWords.magnitudeWord(exponent) + "元";
	}

	private static String display(BigDecimal value, FigureUnit unit, String amountUnit, int decimals,
			String measureWord, boolean scaled) {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(unit, "unit");
		if (decimals < 0) {
			throw new IllegalArgumentException("decimals must not be negative, was " + decimals);
		}
		int asked = exponentOf(unit, amountUnit);
		boolean scales = scaled && scales(unit);
		int exponent = scales ? PhraseWords.exponentOfMagnitude(value, asked) : asked;
		String number = tableNumber(value, unit, asked, exponent, decimals);
		if (scales && reachesNextUnit(number, exponent)) {
			exponent += 4;
			number = tableNumber(value, unit, asked, exponent, decimals);
		}
		return number + suffixOf(unit, exponent, measureWord);
	}

	private static String tableNumber(BigDecimal value, FigureUnit unit, int asked, int exponent, int decimals) {
		BigDecimal scaled = value.movePointLeft(exponent);
		return isExactCount(unit, asked, exponent) ? plain(scaled)
				: scaled.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * Counts are stated exactly (140个, 100万个) unless asked for in a magnitude, which
	 * rounds them (1.25万人次).
	 */
	private static boolean isExactCount(FigureUnit unit, int asked, int exponent) {
		return unit == FigureUnit.COUNT && (asked == 0 || exponent == 0);
	}

	/**
	 * Only money and counts have magnitudes; rates and multiples are stated as they are.
	 */
	private static boolean scales(FigureUnit unit) {
		return unit == FigureUnit.CNY || unit == FigureUnit.COUNT;
	}

	/** 10000 of a unit is one of the next (below 万亿, the largest), whatever the sign. */
	private static boolean reachesNextUnit(String number, int exponent) {
		return exponent < PhraseWords.LARGEST_EXPONENT && new BigDecimal(number).abs().compareTo(TEN_THOUSAND) >= 0;
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
		String amount = EnglishNumbers.write(inBase);
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
					BigDecimal halfWritten = Rounding.half(Rounding.writtenUnit(n));
					low = n.subtract(halfWritten);
					high = n.add(halfWritten);
				}
			}
			case YU -> {
				low = n;
				high = n.add(Rounding.lastNonZeroUnit(n));
			}
			case ABOUT -> {
				BigDecimal half = Rounding.half(Rounding.significantUnit(n));
				low = n.subtract(half);
				high = n.add(half);
			}
			case NEAR -> {
				low = n.subtract(Rounding.significantUnit(n));
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
		int asked = exponentOf(unit, style.amountUnit());
		boolean scales = style.scaled() && scales(unit);
		int exponent = scales ? PhraseWords.exponentOfMagnitude(value, asked) : asked;
		String number = statedNumber(value, unit, style, asked, exponent);
		if (scales && reachesNextUnit(number, exponent)) {
			exponent += 4;
			number = statedNumber(value, unit, style, asked, exponent);
		}
		return new Stated(number, exponent, suffixOf(unit, exponent, style.measureWord()));
	}

	private static String statedNumber(BigDecimal value, FigureUnit unit, PhraseStyle style, int asked, int exponent) {
		BigDecimal scaled = value.movePointLeft(exponent);
		return switch (style.kind()) {
			case EXACT,
					REACH ->
				isExactCount(unit, asked, exponent) ? plain(scaled)
						: Rounding.roundHalfUp(scaled, BigDecimal.ONE.movePointLeft(style.decimals()))
							.setScale(style.decimals(), RoundingMode.UNNECESSARY)
							.toPlainString();
			case YU -> plain(Rounding.floor(scaled, significantUnit(scaled, style)));
			case ABOUT -> plain(Rounding.roundHalfUp(scaled, significantUnit(scaled, style)));
			case NEAR -> {
				BigDecimal unitOfDigit = significantUnit(scaled, style);
				yield plain(Rounding.floor(scaled, unitOfDigit).add(unitOfDigit));
			}
			case OVER -> {
				if (scaled.signum() <= 0) {
					throw new IllegalArgumentException("超/逾 needs a positive value, was " + value.toPlainString());
				}
				yield plain(Rounding.strictlyBelow(scaled, significantUnit(scaled, style)));
			}
		};
	}

	private static BigDecimal significantUnit(BigDecimal scaled, PhraseStyle style) {
		if (style.significant() < 1) {
			throw new IllegalArgumentException(style.kind() + " needs at least one significant digit, style " + style);
		}
		return Rounding.unitOfDigit(scaled, style.significant());
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

}
