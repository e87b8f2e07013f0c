package org.tally.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One numeric claim found in a text and what the verified figures say of it.
 * {@code sentence} and {@code phrase} are quoted from the cleaned text (simplified,
 * pinyin and doubled commas removed), {@code start}/{@code end} index it; {@code low}/
 * {@code high} are the range the phrase states ({@code high} null when open above);
 * {@code figureId} is the matched figure, null if none; {@code value} the value computed
 * from verified figures (a level, a difference, a rate…), null if none; {@code period}
 * the period the claim speaks of; the explanations show the computation; a contradicted
 * claim carries the {@code correction} that would be right; an ambiguous one its
 * {@code candidates}.
 */
public record ClaimVerdict(String sentence, String phrase, String figureId, BigDecimal low, BigDecimal high,
		BigDecimal value, Verdict verdict, ClaimKind kind, int start, int end, LocalDate period, String explanation,
		String explanationEn, String correction, List<String> candidates) {

	public ClaimVerdict {
		Objects.requireNonNull(sentence, "sentence");
		Objects.requireNonNull(phrase, "phrase");
		Objects.requireNonNull(low, "low of " + phrase);
		Objects.requireNonNull(verdict, "verdict of " + phrase);
		Objects.requireNonNull(kind, "kind of " + phrase);
		Objects.requireNonNull(explanation, "explanation of " + phrase);
		Objects.requireNonNull(explanationEn, "explanationEn of " + phrase);
		candidates = candidates == null ? List.of() : List.copyOf(candidates);
	}
}
