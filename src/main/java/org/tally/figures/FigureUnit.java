package org.tally.figures;

/** Whether a figure counts things or measures yuan. */
public enum FigureUnit {

	/** An amount of money in yuan (人民币元). */
	CNY,
	/** A number of things: projects, schools, person-times. */
	COUNT,
	/** A rate or share in percent (开工率62%, 六成, 过半); derived, never published. */
	PERCENT,
	/** How many times one figure is another (是…的5.5倍); derived, never published. */
	MULTIPLE

}
