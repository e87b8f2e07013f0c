package org.tally.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One project line of the finance ledger for one period, with the office quirks it is
 * written with.
 *
 * @param statusText what the clerk typed, possibly a synonym of the status label (在建,
 * 已开工)
 * @param startDate null for projects not yet started
 * @param completed null (blank cell) for projects not yet started
 * @param fundArranged null for a blank cell; zero is written as 0
 * @param fundPaid null for a blank cell; zero is written as 0
 */
record LedgerRow(String code, String name, String county, String field, String partner, String partnerNature,
		BigDecimal committed, Status status, String statusText, LocalDate startDate, boolean startDateAsText,
		BigDecimal completed, BigDecimal fundArranged, BigDecimal fundPaid, boolean committedAsText,
		boolean completedAsText) {
}
