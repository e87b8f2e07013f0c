package org.tally.catalog;

import java.util.List;

/**
 * A figure the claim checker computes from two published figures of the same period: a
 * rate in percent (开工率 = started_projects / project_count × 100) or an average (平均每个项目签约额
 * = committed_investment / project_count), with the words a text uses for it.
 */
public record DerivedFigure(String id, String label, String labelEn, Kind kind, String numerator, String denominator,
		List<String> words) {

	public DerivedFigure {
		words = words == null ? List.of() : List.copyOf(words);
	}

	/** How the two figures combine. */
	public enum Kind {

		/** numerator / denominator × 100, in percent. */
		RATE,
		/** numerator / denominator, in the numerator's unit. */
		AVERAGE

	}
}
