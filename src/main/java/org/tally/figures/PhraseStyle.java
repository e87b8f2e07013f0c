package org.tally.figures;

import java.util.Objects;

/**
 * How a figure is phrased: the kind, the amount unit it is stated in (元, 万元, 亿元, 万亿元; for
 * counts only a bare magnitude 万 or 亿 is honoured, anything else is ignored), the
 * decimals for EXACT/REACH, the significant digits for YU/ABOUT/NEAR/OVER, and the
 * measure word for counts (个, 项, 所, 家, 人次, 名).
 */
public record PhraseStyle(PhraseKind kind, String amountUnit, int decimals, int significant, String measureWord) {

	public PhraseStyle {
		Objects.requireNonNull(kind, "kind");
		if (decimals < 0) {
			throw new IllegalArgumentException("decimals must not be negative, was " + decimals);
		}
		if (significant < 0) {
			throw new IllegalArgumentException("significant digits must not be negative, was " + significant);
		}
	}
}
