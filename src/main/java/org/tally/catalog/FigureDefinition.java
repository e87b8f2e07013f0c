package org.tally.catalog;

import java.util.List;
import java.util.Map;

/**
 * A headline figure: an aggregate over a dataset, how it is displayed and phrased, the
 * checks it depends on and the words a text uses for it.
 */
public record FigureDefinition(String id, String label, String labelEn, String dataset, Measure measure, String column,
		Map<String, List<String>> where, String unit, Display display, Phrase phrase, List<String> checks,
		List<String> aliases) {

	public FigureDefinition {
		where = where == null ? Map.of() : Map.copyOf(where);
		checks = checks == null ? List.of() : List.copyOf(checks);
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
	}

	public enum Measure {

		SUM, COUNT, COUNT_DISTINCT

	}

	/**
	 * Exact display: the amount unit (亿元) and decimals, or the measure word of a count
	 * (个).
	 */
	public record Display(String unit, int decimals, String measureWord) {
	}

	/**
	 * Press phrasing: kind (EXACT, REACH, YU, ABOUT, NEAR, OVER), amount unit, precision.
	 */
	public record Phrase(String kind, String unit, int decimals, int significant, String measureWord) {
	}
}
