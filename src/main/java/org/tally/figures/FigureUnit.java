package org.tally.figures;

/** Whether a figure counts things or measures yuan. */
public enum FigureUnit {

	/** An amount of money in yuan (人民币元). */
	CNY,
	/** A number of things: projects, schools, person-times. */
	COUNT

}
