package org.tally.figures;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version in a figure's history: the snapshot that introduced it, when, and what it
 * changed.
 */
public record FigureVersion(FigureValue figure, OffsetDateTime publishedAt, List<String> changes) {

	public FigureVersion {
		changes = List.copyOf(changes);
	}
}
