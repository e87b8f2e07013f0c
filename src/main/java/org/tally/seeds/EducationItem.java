package org.tally.seeds;

import java.math.BigDecimal;

/**
 * One line of the education bureau's cooperation sheet; code is blank unless it is a
 * ledger project.
 */
record EducationItem(String code, String matter, String beijingSchool, String changzhiSchool, String county,
		int teachersTrained, int studentsBenefited, BigDecimal fundArranged, BigDecimal fundArrived,
		boolean teachersAsText) {

	/**
	 * Identifies the item across periods, since uncoded items carry no key of their own.
	 */
	String identity() {
		return code + "|" + matter + "|" + beijingSchool + "|" + changzhiSchool;
	}
}
