package org.tally.seeds;

import java.time.LocalDate;

/**
 * The two reporting periods the departments file for: the half year and the full year
 * 2024.
 */
enum Period {

	MID_YEAR(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 7, 5)),
	YEAR_END(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 5));

	private final LocalDate end;

	private final LocalDate filedOn;

	Period(LocalDate end, LocalDate filedOn) {
		this.end = end;
		this.filedOn = filedOn;
	}

	LocalDate end() {
		return end;
	}

	/**
	 * The day the clerk filled the sheet in; also stamped as the files' creation date.
	 */
	LocalDate filedOn() {
		return filedOn;
	}

	String iso() {
		return end.toString();
	}

	String compact() {
		return iso().replace("-", "");
	}

	static String chinese(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	String chineseEnd() {
		return chinese(end);
	}

}
