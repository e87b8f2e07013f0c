package org.tally.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One published version of a figure for a period: value, press forms, status and
 * provenance.
 */
public record FigureValue(String id, String label, String labelEn, LocalDate asOf, long runId, int version,
		BigDecimal value, String unit, String display, String phrase, String phraseEn, String status,
		List<String> reasons, List<Source> sources) {

	public boolean verified() {
		return "verified".equals(status);
	}

	/**
	 * A file behind the figure: which sheet, and how many of its rows the aggregate read.
	 */
	public record Source(String file, String sheet, long rows) {
	}
}
