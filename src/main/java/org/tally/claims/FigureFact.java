package org.tally.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tally.figures.FigureUnit;

/**
 * A figure the checker may match claims against: the words a text uses for it
 * ({@code aliases}, simplified or traditional), its value in yuan or units as of
 * {@code asOf} and whether that value has been verified, and its verified values of other
 * periods ({@code verifiedByPeriod}), which change claims compare with.
 */
public record FigureFact(String id, String label, List<String> aliases, BigDecimal value, FigureUnit unit,
		boolean verified, LocalDate asOf, Map<LocalDate, BigDecimal> verifiedByPeriod) {

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
		verifiedByPeriod = verifiedByPeriod == null ? Map.of() : Map.copyOf(verifiedByPeriod);
	}

	/** A fact of the current period only, with no history. */
	public FigureFact(String id, String label, List<String> aliases, BigDecimal value, FigureUnit unit,
			boolean verified) {
		this(id, label, aliases, value, unit, verified, null, Map.of());
	}

	/**
	 * The verified value for a period; {@code null} or the fact's own as-of date means
	 * the current one. Never an unverified value.
	 */
	Optional<BigDecimal> verifiedAt(LocalDate period) {
		if (period == null || period.equals(asOf)) {
			return verified ? Optional.of(value) : Optional.empty();
		}
		return Optional.ofNullable(verifiedByPeriod.get(period));
	}
}
