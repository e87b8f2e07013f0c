package org.tally.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * Every number a sentence writes, in Arabic digits or Chinese numerals, and, for a number
 * that is no claim, why not. A Chinese numeral counts as a number when it has a
 * positional character (一百四十) or stands before a unit, a time word, 是 or 、, or after 第:
 * the 一 of 统一 or 一体化 is a word, not a number.
 */
final class NumberSpans {

	static final String CHINESE = "零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟";

	private static final String CHINESE_START = "一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾";

	private static final String POSITIONAL = "十百千万亿拾佰仟";

	/** What may follow a Chinese numeral that is a number: units, time words, 是, 、. */
	private static final String AFTER_CHINESE = "个项所家名人户件座处条批场位台套种元万亿年月日号天周倍成是、季期届次轮";

	private NumberSpans() {
	}

	/** Where a number stands in a sentence: [start, end). */
	record Token(int start, int end) {
	}

	static List<Token> tokens(String s) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (Character.isDigit(c)) {
				int end = i + 1;
				while (end < s.length() && (Character.isDigit(s.charAt(end)) || (".,，．".indexOf(s.charAt(end)) >= 0
						&& end + 1 < s.length() && Character.isDigit(s.charAt(end + 1))))) {
					end++;
				}
				tokens.add(new Token(i, end));
				i = end;
			}
			else if (CHINESE_START.indexOf(c) >= 0 && (i == 0 || CHINESE.indexOf(s.charAt(i - 1)) < 0)) {
				int end = i + 1;
				while (end < s.length() && CHINESE.indexOf(s.charAt(end)) >= 0) {
					end++;
				}
				if (isChineseNumber(s, i, end)) {
					tokens.add(new Token(i, end));
				}
				i = end;
			}
			else {
				i++;
			}
		}
		return tokens;
	}

	private static boolean isChineseNumber(String s, int start, int end) {
		for (int k = start + 1; k < end; k++) {
			if (POSITIONAL.indexOf(s.charAt(k)) >= 0) {
				return true;
			}
		}
		boolean ordinal = start > 0 && s.charAt(start - 1) == '第';
		boolean bracketed = start > 0 && "（(".indexOf(s.charAt(start - 1)) >= 0 && end < s.length()
				&& "）)".indexOf(s.charAt(end)) >= 0;
		boolean percent = s.startsWith("百分之", Math.max(0, start - 3)) && start >= 3;
		return ordinal || bracketed || percent || (end < s.length() && AFTER_CHINESE.indexOf(s.charAt(end)) >= 0);
	}

	/** Why a number that no claim covers is not a claim. */
	static NotAClaim reason(Sentence sentence, Token token) {
		String s = sentence.text();
		String number = s.substring(token.start(), token.end());
		String after = s.substring(token.end(), Math.min(s.length(), token.end() + 8));
		char before = token.start() > 0 ? s.charAt(token.start() - 1) : ' ';
		int at = sentence.offset() + token.start();
		int to = sentence.offset() + token.end();
		char named = sentence.namedBy(token.start());
		if (named == '《') {
			return new NotAClaim(number, at, to, "文件名称", "part of a document name");
		}
		if (named != Sentence.PLAIN) {
			return new NotAClaim(number, at, to, "引语或名称", "inside a quotation or name");
		}
		if (before == '第') {
			return new NotAClaim(number, at, to, "序数", "an ordinal");
		}
		boolean bracketed = (before == '（' || before == '(') && (after.startsWith("）") || after.startsWith(")"));
		if (after.startsWith("是") || bracketed || (after.startsWith("、") && !Character.isDigit(number.charAt(0)))) {
			return new NotAClaim(number, at, to, "序号", "list numbering");
		}
		boolean fourDigits = number.length() == 4 && number.chars().allMatch(Character::isDigit);
		if (after.matches("^年[0-9一二三四五六七八九十]{1,3}月.*") || after.matches("^(月|日|号).*")) {
			return new NotAClaim(number, at, to, "日期", "a date");
		}
		if (fourDigits && number.compareTo("1900") >= 0 && number.compareTo("2100") <= 0) {
			return new NotAClaim(number, at, to, "年份", "a year");
		}
		if (after.matches("^(多)?(年|个月|个多月|天|周|小时|个工作日|个季度).*")) {
			return new NotAClaim(number, at, to, "时长", "a duration");
		}
		if (after.matches("^(个|多个)?百分点.*")) {
			return new NotAClaim(number, at, to, "百分点变化，不在核对范围", "a change in percentage points: not checked");
		}
		if (after.matches("^[^，,。]{0,4}(以上|以下|以内|之内).*")) {
			return new NotAClaim(number, at, to, "以上/以下的界限，不在核对范围", "a bound (以上, 以下): not checked");
		}
		if (!Character.isDigit(number.charAt(0))) {
			return new NotAClaim(number, at, to, "小数目的列举", "an enumeration in small Chinese numerals");
		}
		return new NotAClaim(number, at, to, "没有单位或量词，不是数据表述", "no unit or measure word: not a figure");
	}

}
