package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NumberProperties {

	enum Sign {

		MINUS, PARENTHESES, CHINESE_FU, FULL_WIDTH_PARENTHESES

	}

	enum Suffix {

		NONE, WAN, YI, PERCENT

	}

	/**
	 * At most 14 significant digits: what Excel keeps exactly, so no noise rounding
	 * applies.
	 */
	@Provide
	Arbitrary<BigDecimal> amounts() {
		return Combinators
			.combine(Arbitraries.longs().between(-99_999_999_999_999L, 99_999_999_999_999L),
					Arbitraries.integers().between(0, 6))
			.as(BigDecimal::valueOf);
	}

	@Property(tries = 1500)
	void givenAnyAmountWrittenInAnyStyle_itReadsBackExactly(@ForAll("amounts") BigDecimal value,
			@ForAll NumberFormats.Grouping grouping, @ForAll boolean fullWidth, @ForAll Sign sign,
			@ForAll Suffix suffix) {
		BigDecimal written = switch (suffix) {
			case NONE -> value;
			case WAN -> value.movePointLeft(4);
			case YI -> value.movePointLeft(8);
			case PERCENT -> value.movePointRight(2);
		};
		String text = NumberFormats.grouped(written.abs(), grouping) + switch (suffix) {
			case NONE -> "";
			case WAN -> "万";
			case YI -> "亿";
			case PERCENT -> "%";
		};
		if (fullWidth) {
			text = NumberFormats.fullWidth(text);
		}
		if (value.signum() < 0) {
			text = switch (sign) {
				case MINUS -> "-" + text;
				case CHINESE_FU -> "负" + text;
				case PARENTHESES -> "(" + text + ")";
				case FULL_WIDTH_PARENTHESES -> "（" + text + "）";
			};
		}
		assertThat(CellValues.number(" " + text + " ")).as(text).isEqualByComparingTo(value);
	}

	@Property(tries = 500)
	void givenAnyAmountInScientificNotation_itReadsBackExactly(@ForAll("amounts") BigDecimal value) {
		String text = (value.signum() < 0 ? "-" : "") + NumberFormats.scientific(value.abs());
		assertThat(CellValues.number(text)).as(text).isEqualByComparingTo(value);
	}

	@Property(tries = 500)
	void givenAnyNumber_theResultHasOneRepresentation(@ForAll("amounts") BigDecimal value) {
		BigDecimal parsed = CellValues.number(value.toPlainString());
		assertThat(parsed.scale()).isNotNegative();
		assertThat(parsed).isEqualTo(NumberText.tidy(value));
	}

	@Property(tries = 500)
	void givenFloatNoiseBeyond15Digits_itIsRemoved(@ForAll("amounts") BigDecimal value, @ForAll("noise") String noise) {
		// 14 significant digits, then digits a double's shortest repr would add:
		// "0.30000000000000004"
		BigDecimal exact = value.round(new java.math.MathContext(14));
		Assume.that(exact.signum() != 0);
		String digits = exact.unscaledValue().abs().toString();
		String padded = digits + "0".repeat(15 - digits.length()) + noise;
		BigDecimal noisy = new BigDecimal(new java.math.BigInteger(padded),
				exact.scale() + 15 - digits.length() + noise.length());
		String text = (exact.signum() < 0 ? "-" : "") + noisy.toPlainString();
		assertThat(CellValues.number(text)).as(text).isEqualByComparingTo(exact);
	}

	@Provide
	Arbitrary<String> noise() {
		return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3).map(s -> "00" + s);
	}

	@Property(tries = 1000)
	void givenAnyAmountInYuan_writtenInAnyUnit_itReadsBackToTheSameYuan(@ForAll("amounts") BigDecimal yuan,
			@ForAll AmountUnit column, @ForAll("cellUnits") String cellUnit, @ForAll NumberFormats.Grouping grouping,
			@ForAll boolean fullWidth, @ForAll boolean parenthesesNegative) {
		AmountUnit written = switch (cellUnit) {
			case "" -> column;
			case "元" -> AmountUnit.YUAN;
			case "万", "万元", "萬元" -> AmountUnit.WAN;
			case "亿", "亿元", "億" -> AmountUnit.YI;
			default -> AmountUnit.WAN_YI;
		};
		BigDecimal amount = yuan.divide(written.factor());
		String text = NumberFormats.grouped(amount.abs(), grouping);
		if (fullWidth) {
			text = NumberFormats.fullWidth(text);
		}
		text += cellUnit;
		if (yuan.signum() < 0) {
			text = parenthesesNegative ? "(" + text + ")" : "-" + text;
		}
		BigDecimal parsed = CellValues.yuan(text, column);
		assertThat(parsed).as(text + " in " + column).isEqualByComparingTo(yuan);
		assertThat(parsed.scale()).isGreaterThanOrEqualTo(2);
	}

	@Provide
	Arbitrary<String> cellUnits() {
		return Arbitraries.of("", "", "", "元", "万", "万元", "萬元", "亿", "亿元", "億", "万亿元");
	}

	@Property(tries = 300)
	void givenAnyWholeCount_itReadsBackAsALong(@ForAll("counts") long count, @ForAll NumberFormats.Grouping grouping) {
		assertThat(CellValues.count(NumberFormats.grouped(BigDecimal.valueOf(count), grouping))).isEqualTo(count);
		assertThat(CellValues.count(count + ".0")).isEqualTo(count);
	}

	@Provide
	Arbitrary<Long> counts() {
		return Arbitraries.longs().between(0, 999_999_999_999_999L);
	}

}
