package org.tally.figures.internal.phrasing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The digit arithmetic of phrases: the units of a written number's digits, and the
 * roundings each hedge states a value with.
 */
public final class Rounding {

	private static final BigDecimal HALF = new BigDecimal("0.5");

	private Rounding() {
	}

	/** The unit of the last written digit: 1.03 → 0.01, 600 → 1. */
	public static BigDecimal writtenUnit(BigDecimal n) {
		return BigDecimal.ONE.movePointLeft(Math.max(n.scale(), 0));
	}

	/** The unit of the last non-zero digit: 600 → 100, 1.5 → 0.1, 1.50 → 0.1. */
	public static BigDecimal lastNonZeroUnit(BigDecimal n) {
		if (n.signum() == 0) {
			return BigDecimal.ONE;
		}
		return BigDecimal.ONE.scaleByPowerOfTen(-n.stripTrailingZeros().scale());
	}

	/**
	 * Written decimals are significant (1.50 → 0.01); an integer's trailing zeros are not
	 * (110 → 10).
	 */
	public static BigDecimal significantUnit(BigDecimal n) {
		return n.scale() > 0 ? writtenUnit(n) : lastNonZeroUnit(n);
	}

	/** The unit of the {@code significant}-th digit of x: 602.37, 1 → 100; 0 → 1. */
	public static BigDecimal unitOfDigit(BigDecimal x, int significant) {
		if (x.signum() == 0) {
			return BigDecimal.ONE;
		}
		int leadingDigit = x.precision() - x.scale() - 1;
		return BigDecimal.ONE.scaleByPowerOfTen(leadingDigit - significant + 1);
	}

	public static BigDecimal floor(BigDecimal x, BigDecimal unit) {
		return x.divide(unit).setScale(0, RoundingMode.FLOOR).multiply(unit);
	}

	/**
	 * Rounds to the nearest multiple of unit, halves up, so x lies in [N − unit/2, N +
	 * unit/2).
	 */
	public static BigDecimal roundHalfUp(BigDecimal x, BigDecimal unit) {
		return x.divide(unit).add(HALF).setScale(0, RoundingMode.FLOOR).multiply(unit);
	}

	/**
	 * The largest multiple of unit below a positive x; finer units when that would be 0
	 * (超90, not 超0, for 100).
	 */
	public static BigDecimal strictlyBelow(BigDecimal x, BigDecimal unit) {
		BigDecimal step = unit;
		while (true) {
			BigDecimal below = x.divide(step).setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE).multiply(step);
			if (below.signum() > 0) {
				return below;
			}
			step = step.movePointLeft(1);
		}
	}

	/**
	 * The number without trailing zeros, and without an exponent: 1.50 → 1.5, 6E+2 → 600.
	 */
	public static String plain(BigDecimal n) {
		return n.stripTrailingZeros().toPlainString();
	}

	/** Half of a unit: the distance an EXACT or ABOUT phrase allows either side. */
	public static BigDecimal half(BigDecimal unit) {
		return unit.multiply(HALF);
	}

}
