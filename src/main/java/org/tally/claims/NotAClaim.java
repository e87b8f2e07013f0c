package org.tally.claims;

import java.util.Objects;

/**
 * A number in a text that is not a claim, with the reason in Chinese and English (a date,
 * a year, an ordinal, list numbering, a document name…), so that no number is passed over
 * silently. {@code start}/{@code end} index the cleaned text.
 */
public record NotAClaim(String number, int start, int end, String reason, String reasonEn) {

	public NotAClaim {
		Objects.requireNonNull(number, "number");
		Objects.requireNonNull(reason, "reason of " + number);
		Objects.requireNonNull(reasonEn, "reasonEn of " + number);
	}
}
