package org.tally.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Chinese numerals ("两千三百", "一万五", "二〇二四", "叁佰", "三点五万") and Arabic numbers with
 * Chinese units ("1.5万", "3万5千", "1,200万"). Traditional numeral characters are simplified
 * beforehand.
 */
final class ChineseNumerals {

	private static final String DIGITS = "零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖";

	private static final int[] DIGIT_VALUES = { 0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9 };

	private static final Pattern ARABIC_TOKEN = Pattern.compile("[0-9][0-9,]*(?:\\.[0-9]+)?|\\.[0-9]+");

	private static final Pattern GROUPED = Pattern
		.compile("[0-9]{1,3}(?:,[0-9]{3})*(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+");

	private ChineseNumerals() {
	}

	private sealed interface Token permits Digit, Unit {

	}

	/** A digit, either one Chinese character or a whole Arabic number. */
	private record Digit(BigDecimal value, boolean arabic) implements Token {
	}

	/** 十百千 (power 1..3) or 万亿 (power 4, 8). */
	private record Unit(int power) implements Token {
		boolean big() {
			return power >= 4;
		}
	}

	static boolean looksChinese(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (DIGITS.indexOf(c) >= 0 || unitPower(c) > 0 || c == '点') {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param s compacted, sign and percent already removed
	 */
	static BigDecimal parse(String s, String raw) {
		int point = s.indexOf('点');
		if (point >= 0) {
			return withDecimalPoint(s, point, raw);
		}
		List<Token> tokens = tokenize(s, raw);
		if (tokens.stream().allMatch(t -> t instanceof Digit d && !d.arabic())) {
			return digitSequence(tokens);
		}
		return positional(tokens, raw);
	}

	/**
	 * "三点一四" and "三点五万": the fraction is read digit by digit, a magnitude may follow it.
	 */
	private static BigDecimal withDecimalPoint(String s, int point, String raw) {
		String left = s.substring(0, point);
		String right = s.substring(point + 1);
		int magnitude = 0;
		while (!right.isEmpty() && (right.endsWith("万") || right.endsWith("亿"))) {
			magnitude += right.endsWith("万") ? 4 : 8;
			right = right.substring(0, right.length() - 1);
		}
		if (left.isEmpty() || right.isEmpty() || right.indexOf('点') >= 0) {
			throw malformed(raw);
		}
		StringBuilder fraction = new StringBuilder();
		for (int i = 0; i < right.length(); i++) {
			int d = DIGITS.indexOf(right.charAt(i));
			if (d < 0) {
				throw malformed(raw);
			}
			fraction.append(DIGIT_VALUES[d]);
		}
		BigDecimal whole = parse(left, raw);
		if (magnitude > 0 && (left.contains("万") || left.contains("亿"))) {
			throw malformed(raw);
		}
		return whole.add(new BigDecimal("0." + fraction)).scaleByPowerOfTen(magnitude);
	}

	private static List<Token> tokenize(String s, String raw) {
		List<Token> tokens = new ArrayList<>();
		Matcher arabic = ARABIC_TOKEN.matcher(s);
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			int digit = DIGITS.indexOf(c);
			int power = unitPower(c);
			if (digit >= 0) {
				tokens.add(new Digit(BigDecimal.valueOf(DIGIT_VALUES[digit]), false));
				i++;
			}
			else if (power > 0) {
				tokens.add(new Unit(power));
				i++;
			}
			else if (arabic.find(i) && arabic.start() == i) {
				String text = arabic.group();
				if (!GROUPED.matcher(text).matches()) {
					throw new ValueFormatException(raw, "千分位分隔符位置不正确", "misplaced thousands separator");
				}
				tokens.add(new Digit(NumberText.literal(text.replace(",", "")), true));
				i = arabic.end();
			}
			else {
				throw NumberText.notANumber(raw);
			}
		}
		if (tokens.isEmpty()) {
			throw NumberText.notANumber(raw);
		}
		return tokens;
	}

	private static int unitPower(char c) {
		return switch (c) {
			case '十', '拾' -> 1;
			case '百', '佰' -> 2;
			case '千', '仟' -> 3;
			case '万' -> 4;
			case '亿' -> 8;
			default -> 0;
		};
	}

	/** "二〇二四" -> 2024: digits without units are positional, as in years and codes. */
	private static BigDecimal digitSequence(List<Token> tokens) {
		StringBuilder digits = new StringBuilder();
		tokens.forEach(t -> digits.append(((Digit) t).value().intValue()));
		return new BigDecimal(digits.toString());
	}

	/**
	 * Sections: [above 亿] 亿 [万-section] 万 [group] where a group is digits times 千百十. 万
	 * directly followed by 亿 is 万亿. A lone digit after 百/千/万/亿 without 零 is colloquial
	 * for the next lower place ("一万五" = 15000).
	 */
	private static BigDecimal positional(List<Token> tokens, String raw) {
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal section = BigDecimal.ZERO;
		BigDecimal group = BigDecimal.ZERO;
		Digit pending = null;
		boolean zeroSeen = false;
		boolean anything = false;
		int lastSmallPower = 4;
		boolean wanInSection = false;
		boolean yiSeen = false;
		int lastPower = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token instanceof Digit d) {
				if (pending != null) {
					throw malformed(raw);
				}
				if (!d.arabic() && d.value().signum() == 0) {
					zeroSeen = true;
					continue;
				}
				pending = d;
				continue;
			}
			Unit unit = (Unit) token;
			boolean startsWithUnit = !anything && pending == null;
			boolean wanYi = unit.power() == 8 && i > 0 && tokens.get(i - 1) instanceof Unit previous
					&& previous.power() == 4;
			anything = true;
			if (!unit.big()) {
				if (unit.power() >= lastSmallPower) {
					throw malformed(raw);
				}
				group = group.add(multiplier(pending).scaleByPowerOfTen(unit.power()));
				lastSmallPower = unit.power();
			}
			else if (unit.power() == 4) {
				BigDecimal value = startsWithUnit ? BigDecimal.ONE : group.add(valueOf(pending));
				// "一亿万": nothing at all between two units; an explicit "0万" is merely
				// zero
				if (wanInSection || (pending == null && group.signum() == 0 && !startsWithUnit)) {
					throw malformed(raw);
				}
				section = section.add(value.scaleByPowerOfTen(4));
				wanInSection = true;
				group = BigDecimal.ZERO;
				lastSmallPower = 4;
			}
			else {
				BigDecimal value = startsWithUnit ? BigDecimal.ONE : section.add(group).add(valueOf(pending));
				if (yiSeen || (pending == null && group.signum() == 0 && !wanYi && !startsWithUnit)) {
					throw malformed(raw);
				}
				total = value.scaleByPowerOfTen(8);
				yiSeen = true;
				wanInSection = false;
				section = BigDecimal.ZERO;
				group = BigDecimal.ZERO;
				lastSmallPower = 4;
			}
			pending = null;
			zeroSeen = false;
			lastPower = wanYi ? 12 : unit.power();
		}
		BigDecimal tail = BigDecimal.ZERO;
		if (pending != null) {
			tail = pending.value();
			if (lastPower > 0 && !zeroSeen) {
				if (pending.arabic()) {
					// "3万5" could be 30005 or 35000; a sheet must not leave that to
					// guesswork
					throw new ValueFormatException(raw, "数字与单位的组合有歧义", "ambiguous mix of digits and units");
				}
				if (lastPower >= 2) {
					tail = tail.scaleByPowerOfTen(lastPower - 1);
				}
			}
		}
		return total.add(section).add(group).add(tail);
	}

	private static BigDecimal multiplier(Digit pending) {
		return pending == null ? BigDecimal.ONE : pending.value();
	}

	private static BigDecimal valueOf(Digit pending) {
		return pending == null ? BigDecimal.ZERO : pending.value();
	}

	static ValueFormatException malformed(String raw) {
		return new ValueFormatException(raw, "中文数字格式不正确", "malformed Chinese numeral");
	}

}
