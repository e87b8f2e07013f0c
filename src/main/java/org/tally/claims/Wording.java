package org.tally.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.tally.figures.FigureUnit;
import org.tally.figures.PhraseCorrection;
import org.tally.figures.PhraseRange;
import org.tally.figures.PressPhrasing;

/**
 * Writes a claim's verdict: the computation shown, in Chinese and English, and for a
 * contradicted claim the phrase that would be right.
 */
final class Wording {

	private Wording() {
	}

	/** A claim being judged: where it is and what it states. */
	record Said(Sentence sentence, int start, int end, String phrase, PhraseRange range, ClaimKind kind,
			LocalDate period) {
	}

	/**
	 * A value computed from verified figures, the computation written out ("602.37亿元 −
	 * 504.95亿元（2024-06-30）"), and the words before the number a correction keeps (增加).
	 */
	record Computed(String figureId, BigDecimal value, String computation, String lead, String shown,
			String computationEn) {

		Computed(String figureId, BigDecimal value, String computation, String lead) {
			this(figureId, value, computation, lead, null, null);
		}

		Computed(String figureId, BigDecimal value, String computation, String lead, String shown) {
			this(figureId, value, computation, lead, shown, null);
		}

		/**
		 * The computation for the English line: figure ids for labels, Latin brackets.
		 */
		String english() {
			String en = computationEn != null ? computationEn : computation;
			return en.replace("（", " (").replace("）", ")").replace("：", ": ").strip();
		}
	}

	static ClaimVerdict judged(Said said, Computed computed) {
		PhraseRange range = said.range();
		boolean holds = range.contains(computed.value());
		String equals = computed.computation().endsWith("）") ? "= " : " = ";
		String result = computed.shown() != null ? computed.shown() : amount(computed.value(), range);
		String shown = equals + result;
		String shownEn = " = " + result;
		if (holds) {
			return verdict(said, computed.figureId(), computed.value(), Verdict.CONSISTENT,
					computed.computation() + shown + "，与“" + said.phrase() + "”一致",
					computed.english() + shownEn + ", consistent with \"" + said.phrase() + "\"", null, List.of());
		}
		String correction = PhraseCorrection.correct(range, computed.value())
			.map(c -> computed.lead() + c)
			.orElse(null);
		String zh = computed.computation() + shown + "，与“" + said.phrase() + "”不符"
				+ (correction == null ? "" : "，应为“" + correction + "”");
		String en = computed.english() + shownEn + ", contradicts \"" + said.phrase() + "\""
				+ (correction == null ? "" : "; should read \"" + correction + "\"");
		return verdict(said, computed.figureId(), computed.value(), Verdict.CONTRADICTED, zh, en, correction,
				List.of());
	}

	static ClaimVerdict unverifiable(Said said, String figureId, String reason, String reasonEn,
			List<String> candidates) {
		return verdict(said, figureId, null, Verdict.UNVERIFIABLE, "无法核对：" + reason, "unverifiable: " + reasonEn, null,
				candidates);
	}

	private static ClaimVerdict verdict(Said said, String figureId, BigDecimal value, Verdict verdict, String zh,
			String en, String correction, List<String> candidates) {
		PhraseRange range = said.range();
		int offset = said.sentence().offset();
		return new ClaimVerdict(said.sentence().quoted(), said.phrase(), figureId, range.low(), range.high(), value,
				verdict, said.kind(), offset + said.start(), offset + said.end(), said.period(), zh, en, correction,
				candidates);
	}

	/** A value as the phrase states values: in its magnitude, two decimals. */
	static String amount(BigDecimal value, PhraseRange range) {
		return switch (range.unit()) {
			case CNY -> {
				int exponent = exponent(range.phrase());
				yield value.movePointLeft(exponent).setScale(2, RoundingMode.HALF_UP).toPlainString()
						+ magnitude(exponent) + "元";
			}
			case COUNT -> {
				int exponent = exponent(range.phrase());
				yield plain(value.movePointLeft(exponent)) + magnitude(exponent) + measureWord(range.phrase());
			}
			case PERCENT -> value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
			case MULTIPLE -> value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "倍";
		};
	}

	/**
	 * A figure's value in a computation, in the unit of its magnitude as the figures page
	 * shows it: money to two decimals (7077.85万元, 602.37亿元, 449.78万亿元), counts exactly
	 * (140, 100万).
	 */
	static String figure(BigDecimal value, FigureUnit unit) {
		return switch (unit) {
			case CNY -> PressPhrasing.displayScaled(value, unit, null, 2, null);
			case COUNT -> {
				int exponent = PressPhrasing.magnitudeOf(value);
				yield exactly(value.movePointLeft(exponent)) + magnitude(exponent);
			}
			case PERCENT -> value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
			case MULTIPLE -> value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "倍";
		};
	}

	private static String exactly(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static String plain(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static int exponent(String phrase) {
		if (phrase.contains("万亿")) {
			return 12;
		}
		return phrase.contains("亿") ? 8 : phrase.contains("万") ? 4 : 0;
	}

	private static String magnitude(int exponent) {
		return switch (exponent) {
			case 12 -> "万亿";
			case 8 -> "亿";
			case 4 -> "万";
			default -> "";
		};
	}

	private static String measureWord(String phrase) {
		String p = phrase.endsWith("左右") ? phrase.substring(0, phrase.length() - 2) : phrase;
		if (p.endsWith("人次")) {
			return "人次";
		}
		return p.isEmpty() || Character.isDigit(p.charAt(p.length() - 1)) ? "" : p.substring(p.length() - 1);
	}

}
