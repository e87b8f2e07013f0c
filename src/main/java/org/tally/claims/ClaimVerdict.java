package org.tally.claims;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One numeric claim found in a text and what the verified figures say of it.
 * {@code sentence} and {@code phrase} are quoted from the cleaned text (simplified,
 * pinyin and doubled commas removed); {@code low}/{@code high} are the range the phrase
 * states ({@code high} null when open above); {@code figureId} is the matched figure,
 * null if none; {@code value} its verified value, null if none.
 */
public record ClaimVerdict(String sentence, String phrase, String figureId, BigDecimal low, BigDecimal high,
		BigDecimal value, Verdict verdict) {

	public ClaimVerdict {
		Objects.requireNonNull(sentence, "sentence");
		Objects.requireNonNull(phrase, "phrase");
		Objects.requireNonNull(low, "low of " + phrase);
		Objects.requireNonNull(verdict, "verdict of " + phrase);
	}
}
