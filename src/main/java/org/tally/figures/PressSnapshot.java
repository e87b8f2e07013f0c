package org.tally.figures;

import java.util.List;

/**
 * The press view (verified figures only) as of one generation of the published figures,
 * with a strong entity tag that changes whenever any of its figures does.
 */
public record PressSnapshot(String generation, List<FigureValue> figures, String entityTag) {

	public PressSnapshot {
		figures = List.copyOf(figures);
	}

}
