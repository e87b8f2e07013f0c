package org.tally.ingest.workbook;

/**
 * Kind of a raw cell, as the file stores it (a formula counts by the type of its cached
 * value).
 */
public enum CellKind {

	TEXT, NUMBER, BOOLEAN, ERROR,
	/**
	 * A formula whose file carries no cached result (never recalculated); value is the
	 * formula text.
	 */
	FORMULA_WITHOUT_VALUE

}
