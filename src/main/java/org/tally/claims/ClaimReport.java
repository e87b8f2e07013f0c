package org.tally.claims;

import java.util.List;
import java.util.Objects;

/**
 * Everything a check found in a text: the cleaned text the positions index, every claim
 * with its verdict, and every other number with the reason it is not a claim.
 */
public record ClaimReport(String text, List<ClaimVerdict> claims, List<NotAClaim> notClaims) {

	public ClaimReport {
		Objects.requireNonNull(text, "text");
		claims = List.copyOf(claims);
		notClaims = List.copyOf(notClaims);
	}
}
