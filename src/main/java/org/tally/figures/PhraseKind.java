package org.tally.figures;

/**
 * The hedge a Chinese official text puts on a figure; each kind reads as a different
 * range of values.
 */
public enum PhraseKind {

	/** Plain N: the value at the stated precision (exactly N for counts). */
	EXACT,
	/** 达N: read like a plain N, the 达 only stresses that the figure was reached. */
	REACH,
	/** N余 (or N多): at least N, below N plus one unit of N's last non-zero digit. */
	YU,
	/** 约N (or N左右): within half a unit of N's last significant digit. */
	ABOUT,
	/**
	 * 近N (or 不足N): one unit of N's last significant digit below N, up to but excluding N.
	 */
	NEAR,
	/** 超N, 超过N, 逾N, 突破N: strictly more than N, no upper bound. */
	OVER

}
