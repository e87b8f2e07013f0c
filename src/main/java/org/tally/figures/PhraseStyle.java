package org.tally.figures;

import java.util.Objects;

/**
 * How a figure is phrased: the kind, the amount unit it is stated in (元, 万元, 亿元, 万亿元; for
 * counts only a bare magnitude 万 or 亿 is honoured, anything else is ignored), the
 * decimals for EXACT/REACH, the significant digits for YU/ABOUT/NEAR/OVER, the measure
 * word for counts (个, 项, 所, 家, 人次, 名), and whether money and counts are {@code scaled}:
 * stated in the unit of the value's magnitude ({@link PressPhrasing#magnitudeOf}) instead
 * of always in the amount unit.
 */
public record PhraseStyle(PhraseKind kind, String amountUnit, int decimals, int significant, String measureWord,
		boolean scaled) {

	public PhraseStyle {
		Objects.requireNonNull(kind, "kind");
		if (decimals < 0) {
			throw new IllegalArgumentException("decimals must not be negative, was " + decimals);
		}
		if (significant < 0) {
			throw new IllegalArgumentException("significant digits must not be negative, was " + significant);
		}
	}

	/** A style that always states the figure in its amount unit. */
	public PhraseStyle(PhraseKind kind, String amountUnit, int decimals, int significant, String measureWord) {
		this(kind, amountUnit, decimals, significant, measureWord, false);
	}

	/**
	 * The same style, the unit following the value's magnitude: 约110亿元, but 约450万亿元 for a
	 * value of 449.78万亿.
	 */
	public PhraseStyle scaledToMagnitude() {
		return new PhraseStyle(kind, amountUnit, decimals, significant, measureWord, true);
	}

}
