package org.tally.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One transferred technology result as the science bureau records it, text in traditional
 * characters.
 */
record ScienceItem(String code, String title, String beijingInstitution, String changzhiRecipient, String county,
		BigDecimal contractYuan, LocalDate signedOn) {
}
