package org.tally.figures;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A phrase read as a range of values (yuan for amounts, units for counts): closed-open
 * [low, high), closed [low, high] when {@code highInclusive}, or open above when
 * {@code high} is null. For {@link PhraseKind#OVER} the low end is exclusive (超100亿元 does
 * not hold for exactly 100亿).
 */
public record PhraseRange(String phrase, PhraseKind kind, FigureUnit unit, BigDecimal low, BigDecimal high,
		boolean highInclusive) {

	public PhraseRange {
		Objects.requireNonNull(phrase, "phrase");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(low, "low");
	}

	/** Whether the low end belongs to the range; false only for 超/逾/突破. */
	public boolean lowInclusive() {
		return kind != PhraseKind.OVER;
	}

	/** Whether the phrase holds for the value {@code v} (in yuan or units). */
	public boolean contains(BigDecimal v) {
		Objects.requireNonNull(v, "v");
		int fromLow = v.compareTo(low);
		if (fromLow < 0 || (fromLow == 0 && !lowInclusive())) {
			return false;
		}
		if (high == null) {
			return true;
		}
		int fromHigh = v.compareTo(high);
		return fromHigh < 0 || (fromHigh == 0 && highInclusive);
	}
}
