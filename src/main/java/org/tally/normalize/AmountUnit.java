package org.tally.normalize;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amount units of Chinese official sheets, and their exact factor to yuan. */
public enum AmountUnit {

	YUAN("元", new BigDecimal("1")), WAN("万元", new BigDecimal("10000")), YI("亿元", new BigDecimal("100000000")),
	WAN_YI("万亿元", new BigDecimal("1000000000000"));

	// Longest alternative first so "万亿元" is never read as "亿元". "万美元" or "港元" never
	// match:
	// the unit must follow "单位:" or an opening bracket (optionally after 人民币) directly.
	private static final String UNIT = "(万亿元|亿元|万元|元)";

	private static final Pattern AFTER_LABEL = Pattern.compile("单位[:]?(?:人民币)?" + UNIT);

	private static final Pattern IN_BRACKETS = Pattern.compile("\\((?:人民币)?" + UNIT + "(?:人民币)?(?:[,;、/)]|$)");

	private static final Pattern AFTER_SLASH = Pattern.compile("/(?:人民币)?" + UNIT + "$");

	private static final Pattern AT_END = Pattern.compile("(万亿元|亿元|万元)$");

	private final String symbol;

	private final BigDecimal factor;

	private final int powerOfTen;

	AmountUnit(String symbol, BigDecimal factor) {
		this.symbol = symbol;
		this.factor = factor;
		this.powerOfTen = factor.precision() - 1;
	}

	/** The factor as a power of ten: 0 for 元, 4 for 万元, 8 for 亿元, 12 for 万亿元. */
	int powerOfTen() {
		return powerOfTen;
	}

	/** Yuan per one of this unit, as an integer with scale 0. */
	public BigDecimal factor() {
		return factor;
	}

	/** Exact conversion; keeps the amount's scale (3.5 万元 -> 35000.0). */
	public BigDecimal toYuan(BigDecimal amount) {
		return Objects.requireNonNull(amount, "amount").multiply(factor);
	}

	/** "元", "万元", "亿元", "万亿元". */
	public String symbol() {
		return symbol;
	}

	/**
	 * Finds a unit named in header or note text: "金额（万元）", "单位：亿元", "单位:万元", "(元)", "萬元"
	 * (traditional), full-width brackets. Empty when none.
	 */
	public static Optional<AmountUnit> findIn(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = TextKeys.canonical(text);
		for (Pattern pattern : new Pattern[] { AFTER_LABEL, IN_BRACKETS, AFTER_SLASH, AT_END }) {
			Matcher m = pattern.matcher(key);
			if (m.find()) {
				return Optional.of(ofSymbol(m.group(1)));
			}
		}
		return Optional.empty();
	}

	static AmountUnit ofSymbol(String symbol) {
		for (AmountUnit unit : values()) {
			if (unit.symbol.equals(symbol)) {
				return unit;
			}
		}
		throw new IllegalArgumentException("no amount unit " + symbol);
	}

}
