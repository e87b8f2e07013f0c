package org.tally.claims;

/** What the verified figures say of one claim. */
public enum Verdict {

	/** A verified figure matched and its value lies in the range the phrase states. */
	CONSISTENT,
	/**
	 * A verified figure matched and its value lies outside the range the phrase states.
	 */
	CONTRADICTED,
	/**
	 * No verified figure matched: the claim must be checked by hand, it is never dropped.
	 */
	UNVERIFIABLE

}
