package org.tally.ingest;

/**
 * What a sheet row below the header is, the way a clerk writes it: only data and totals
 * rows go on to validation, the others are skipped without a reject.
 */
public enum RowKind {

	/** A row of the table. */
	DATA,
	/** A totals row (合计, 小计, 总计, 累计 in any of its cells): checked, never loaded. */
	TOTALS,
	/** A note line under the table (注：, 填报人：…). */
	NOTE,
	/** A section heading such as 流动资产： or 一、产业合作: one text cell, no values. */
	SECTION_HEADING,
	/** Nothing in the dataset's columns. */
	BLANK,
	/** The header again, as print layouts repeat it on every page. */
	REPEATED_HEADER;

	/** Whether a run validates the row (data and totals) rather than skipping it. */
	public boolean read() {
		return this == DATA || this == TOTALS;
	}

}
