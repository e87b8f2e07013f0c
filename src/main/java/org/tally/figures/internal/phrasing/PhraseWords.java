package org.tally.figures.internal.phrasing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tally.figures.PhraseKind;

/**
 * The words around a number that make it a figure: hedges, magnitudes, amount units,
 * measure words.
 */
public final class PhraseWords {

	/** Longest first, so 超过 wins over 超 and 大约 over 约. */
	static final List<Map.Entry<String, PhraseKind>> PREFIXES = List.of(Map.entry("大约", PhraseKind.ABOUT),
			Map.entry("约", PhraseKind.ABOUT), Map.entry("将近", PhraseKind.NEAR), Map.entry("接近", PhraseKind.NEAR),
			Map.entry("近", PhraseKind.NEAR), Map.entry("不足", PhraseKind.NEAR), Map.entry("不到", PhraseKind.NEAR),
			Map.entry("超过", PhraseKind.OVER), Map.entry("超", PhraseKind.OVER), Map.entry("逾", PhraseKind.OVER),
			Map.entry("突破", PhraseKind.OVER), Map.entry("达到", PhraseKind.REACH), Map.entry("高达", PhraseKind.REACH),
			Map.entry("多达", PhraseKind.REACH), Map.entry("达", PhraseKind.REACH));

	/** Magnitudes as powers of ten, longest first so 万亿 is not read as 万. */
	static final List<Map.Entry<String, Integer>> MAGNITUDES = List.of(Map.entry("万亿", 12), Map.entry("亿", 8),
			Map.entry("万", 4));

	/** The power of ten of the largest magnitude, 万亿. */
	public static final int LARGEST_EXPONENT = 12;

	/** Longest first so 人次 is not read as 人. */
	public static final List<String> MEASURE_WORDS = List.of("人次", "个", "项", "所", "家", "名", "人", "户", "件", "座", "处",
			"条", "批", "场", "位", "台", "套", "种");

	/**
	 * What may follow 个 to make it a duration or a percentage rather than a count (12个月,
	 * 3个百分点).
	 */
	static final List<String> NOT_COUNTED_AFTER_GE = List.of("月", "多月", "半月", "小时", "多小时", "半小时", "工作日", "季度", "星期",
			"礼拜", "百分点", "多百分点", "世纪");

	/** Bounds we cannot express yet; better unread than misread as a plain figure. */
	static final List<String> UNSUPPORTED_SUFFIXES = List.of("以上", "以下", "以内", "之内");

	private PhraseWords() {
	}

	/**
	 * The power of ten of an amount unit (元 0, 万元 4, 亿元 8, 万亿元 12), traditional forms
	 * included.
	 */
	public static Optional<Integer> amountExponent(String amountUnit) {
		if (amountUnit == null) {
			return Optional.empty();
		}
		return switch (Folding.fold(amountUnit.strip())) {
			case "元" -> Optional.of(0);
			case "万元" -> Optional.of(4);
			case "亿元" -> Optional.of(8);
			case "万亿元" -> Optional.of(12);
			default -> Optional.empty();
		};
	}

	/**
	 * The power of ten of a bare magnitude (万 4, 亿 8, 万亿 12); empty for anything else.
	 */
	public static Optional<Integer> magnitudeExponent(String magnitude) {
		if (magnitude == null) {
			return Optional.empty();
		}
		String folded = Folding.fold(magnitude.strip());
		return MAGNITUDES.stream().filter(m -> m.getKey().equals(folded)).map(Map.Entry::getValue).findFirst();
	}

	/**
	 * The power of ten of the unit a value is stated in by its size: the largest of 0, 4
	 * (万), 8 (亿) and 12 (万亿) whose unit the value reaches, sign ignored (9999 → 0, 10000
	 * → 4, 4.5 × 10¹⁴ → 12); {@code whenZero} for 0, which has no size.
	 */
	public static int exponentOfMagnitude(BigDecimal value, int whenZero) {
		if (value.signum() == 0) {
			return whenZero;
		}
		BigDecimal size = value.abs();
		int exponent = 0;
		while (exponent < LARGEST_EXPONENT && size.compareTo(BigDecimal.ONE.movePointRight(exponent + 4)) >= 0) {
			exponent += 4;
		}
		return exponent;
	}

	public static String magnitudeWord(int exponent) {
		return switch (exponent) {
			case 0 -> "";
			case 4 -> "万";
			case 8 -> "亿";
			case 12 -> "万亿";
			default -> throw new IllegalArgumentException("no magnitude word for 10^" + exponent);
		};
	}

	/** Whether the measure word is one a phrase can be read back with. */
	public static boolean isMeasureWord(String word) {
		return word != null && MEASURE_WORDS.contains(Folding.fold(word.strip()));
	}

	static Optional<String> startsWithAny(String text, int at, List<String> words) {
		return words.stream().filter(w -> text.startsWith(w, at)).findFirst();
	}

}
