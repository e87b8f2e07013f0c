package org.tally.seeds;

import java.math.BigDecimal;

/**
 * One line of the health commission's CSV; code is blank unless it is a ledger project.
 */
record HealthRow(String code, String beijingHospital, String changzhiHospital, String county, int expertVisits,
		int patientsTreated, BigDecimal fund, BigDecimal fundArrived, boolean fundGrouped, boolean arrivedGrouped) {
}
