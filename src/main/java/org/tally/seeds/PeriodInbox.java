package org.tally.seeds;

import java.util.List;

/**
 * Everything the four departments file for one period.
 *
 * @param ledgerBlankRowAfter how many ledger details precede the stray blank row
 */
record PeriodInbox(Period period, List<LedgerRow> ledger, int ledgerBlankRowAfter, List<EducationItem> education,
		List<HealthRow> health, List<ScienceItem> science) {

	PeriodInbox {
		ledger = List.copyOf(ledger);
		education = List.copyOf(education);
		health = List.copyOf(health);
		science = List.copyOf(science);
	}
}
