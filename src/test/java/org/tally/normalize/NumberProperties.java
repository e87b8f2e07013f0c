package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.tally.support.Theories.digitStrings;
import static org.tally.support.Theories.longsAcrossMagnitudes;
import static org.tally.support.Theories.qt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class NumberProperties {

	enum Sign {

		MINUS, PARENTHESES, CHINESE_FU, FULL_WIDTH_PARENTHESES

	}

	enum Suffix {

		NONE, WAN, YI, PERCENT

	}

	/** How an amount is written: grouping, width, negative sign and suffix. */
	record Writing(NumberFormats.Grouping grouping, boolean fullWidth, Sign sign, Suffix suffix) {
	}

	/** How an amount in a unit is written in its cell. */
	record CellWriting(String cellUnit, NumberFormats.Grouping grouping, boolean fullWidth,
			boolean parenthesesNegative) {
	}

	/**
	 * At most 14 significant digits: what Excel keeps exactly, so no noise rounding
	 * applies.
	 */
	static Gen<BigDecimal> amounts() {
		return longsAcrossMagnitudes(-99_999_999_999_999L, 99_999_999_999_999L).zip(integers().between(0, 6),
				BigDecimal::valueOf);
	}

	static Gen<NumberFormats.Grouping> groupings() {
		return arbitrary().enumValues(NumberFormats.Grouping.class);
	}

	static Gen<Writing> writings() {
		return groupings().zip(booleans().all(), arbitrary().enumValues(Sign.class),
				arbitrary().enumValues(Suffix.class), Writing::new);
	}

	@Test
	void givenAnyAmountWrittenInAnyStyle_itReadsBackExactly() {
		qt(1500).forAll(amounts(), writings()).checkAssert((value, writing) -> {
			BigDecimal written = switch (writing.suffix()) {
				case NONE -> value;
				case WAN -> value.movePointLeft(4);
				case YI -> value.movePointLeft(8);
				case PERCENT -> value.movePointRight(2);
			};
			String text = NumberFormats.grouped(written.abs(), writing.grouping()) + switch (writing.suffix()) {
				case NONE -> "";
				case WAN -> "万";
				case YI -> "亿";
				case PERCENT -> "%";
			};
			if (writing.fullWidth()) {
				text = NumberFormats.fullWidth(text);
			}
			if (value.signum() < 0) {
				text = switch (writing.sign()) {
					case MINUS -> "-" + text;
					case CHINESE_FU -> "负" + text;
					case PARENTHESES -> "(" + text + ")";
					case FULL_WIDTH_PARENTHESES -> "（" + text + "）";
				};
			}
			assertThat(CellValues.number(" " + text + " ")).as(text).isEqualByComparingTo(value);
		});
	}

	@Test
	void givenAnyAmountInScientificNotation_itReadsBackExactly() {
		qt(500).forAll(amounts()).checkAssert(value -> {
			String text = (value.signum() < 0 ? "-" : "") + NumberFormats.scientific(value.abs());
			assertThat(CellValues.number(text)).as(text).isEqualByComparingTo(value);
		});
	}

	@Test
	void givenAnyNumber_theResultHasOneRepresentation() {
		qt(500).forAll(amounts()).checkAssert(value -> {
			BigDecimal parsed = CellValues.number(value.toPlainString());
			assertThat(parsed.scale()).isNotNegative();
			assertThat(parsed).isEqualTo(NumberText.tidy(value));
		});
	}

	@Test
	void givenFloatNoiseBeyond15Digits_itIsRemoved() {
		qt(500).forAll(amounts(), noise())
			.assuming((value, noise) -> value.round(new MathContext(14)).signum() != 0)
			.checkAssert((value, noise) -> {
				// 14 significant digits, then digits a double's shortest repr would add:
				// "0.30000000000000004"
				BigDecimal exact = value.round(new MathContext(14));
				String digits = exact.unscaledValue().abs().toString();
				String padded = digits + "0".repeat(15 - digits.length()) + noise;
				BigDecimal noisy = new BigDecimal(new BigInteger(padded),
						exact.scale() + 15 - digits.length() + noise.length());
				String text = (exact.signum() < 0 ? "-" : "") + noisy.toPlainString();
				assertThat(CellValues.number(text)).as(text).isEqualByComparingTo(exact);
			});
	}

	static Gen<String> noise() {
		return digitStrings(1, 3).map(s -> "00" + s);
	}

	@Test
	void givenAnyAmountInYuanWrittenInAnyUnit_itReadsBackToTheSameYuan() {
		qt(1000).forAll(amounts(), arbitrary().enumValues(AmountUnit.class), cellWritings())
			.checkAssert((yuan, column, cell) -> {
				AmountUnit written = switch (cell.cellUnit()) {
					case "" -> column;
					case "元" -> AmountUnit.YUAN;
					case "万", "万元", "萬元" -> AmountUnit.WAN;
					case "亿", "亿元", "億" -> AmountUnit.YI;
					default -> AmountUnit.WAN_YI;
				};
				BigDecimal amount = yuan.divide(written.factor());
				String text = NumberFormats.grouped(amount.abs(), cell.grouping());
				if (cell.fullWidth()) {
					text = NumberFormats.fullWidth(text);
				}
				text += cell.cellUnit();
				if (yuan.signum() < 0) {
					text = cell.parenthesesNegative() ? "(" + text + ")" : "-" + text;
				}
				BigDecimal parsed = CellValues.yuan(text, column);
				assertThat(parsed).as(text + " in " + column).isEqualByComparingTo(yuan);
				assertThat(parsed.scale()).isGreaterThanOrEqualTo(2);
			});
	}

	static Gen<String> cellUnits() {
		return arbitrary().pick("", "", "", "元", "万", "万元", "萬元", "亿", "亿元", "億", "万亿元");
	}

	static Gen<CellWriting> cellWritings() {
		return cellUnits().zip(groupings(), booleans().all(), booleans().all(), CellWriting::new);
	}

	@Test
	void givenAnyWholeCount_itReadsBackAsALong() {
		qt(300).forAll(counts(), groupings()).checkAssert((count, grouping) -> {
			assertThat(CellValues.count(NumberFormats.grouped(BigDecimal.valueOf(count), grouping))).isEqualTo(count);
			assertThat(CellValues.count(count + ".0")).isEqualTo(count);
		});
	}

	static Gen<Long> counts() {
		return longsAcrossMagnitudes(0, 999_999_999_999_999L);
	}

}
