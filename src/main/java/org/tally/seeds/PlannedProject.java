package org.tally.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ledger project as the planners decide it, both periods at once; the education and
 * health planners read its funds.
 */
final class PlannedProject {

	int index;

	String code;

	String name;

	String county;

	String field;

	SampleNames.Partner partner;

	BigDecimal committed;

	Status endStatus = Status.SIGNED;

	Status midStatus = Status.SIGNED;

	String endStatusText;

	String midStatusText;

	LocalDate startDate;

	boolean dateAsText;

	BigDecimal endCompleted;

	BigDecimal midCompleted;

	BigDecimal fundArranged;

	BigDecimal endFundPaid;

	BigDecimal midFundPaid;

	boolean endCommittedText;

	boolean endCompletedText;

	boolean midCommittedText;

	boolean midCompletedText;

	LedgerRow row(Period period) {
		boolean end = period == Period.YEAR_END;
		Status status = end ? endStatus : midStatus;
		return new LedgerRow(code, name, county, field, partner.name(), partner.nature(), committed, status,
				end ? endStatusText : midStatusText, status.started() ? startDate : null,
				status.started() && dateAsText, end ? endCompleted : midCompleted, fundArranged,
				end ? endFundPaid : midFundPaid, end ? endCommittedText : midCommittedText,
				end ? endCompletedText : midCompletedText);
	}

}
