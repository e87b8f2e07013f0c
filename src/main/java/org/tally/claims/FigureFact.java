package org.tally.claims;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.tally.figures.FigureUnit;

/**
 * A figure the checker may match claims against: the words a text uses for it
 * ({@code aliases}, simplified or traditional), its value in yuan or units, and whether
 * that value has been verified.
 */
public record FigureFact(String id, String label, List<String> aliases, BigDecimal value, FigureUnit unit,
		boolean verified) {

	public FigureFact {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a figure needs an id, label was '" + label + "'");
		}
		Objects.requireNonNull(unit, "unit of figure " + id);
		aliases = List.copyOf(Objects.requireNonNull(aliases, "aliases of figure " + id));
		if (aliases.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("figure " + id + " has a blank alias: " + aliases);
		}
		if (verified && value == null) {
			throw new IllegalArgumentException("figure " + id + " is marked verified but has no value");
		}
	}
}
