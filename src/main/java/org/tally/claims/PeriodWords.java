package org.tally.claims;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods named in words, resolved to reporting dates: 截至2024年12月31日, 2024年6月底, 上半年, 年初,
 * 去年同期, 同比, 环比. Relative words resolve against the claim's own period; 环比 to the verified
 * period before it.
 */
final class PeriodWords {

	private static final String MONTH = "([0-9]{1,2}|十一|十二|十|[一二三四五六七八九])";

	/** A date a text states the figures "as of". */
	private static final Pattern AS_OF = Pattern.compile(
			"(截至|截止到|截止|到)(目前|" + "([0-9]{4})年(" + MONTH + "月(([0-9]{1,2})日|底|末)|底|末|上半年|全年)|" + MONTH + "月(底|末))");

	/** A sentence that opens with its period: 2024年上半年，… or 全年… */
	private static final Pattern OPENING = Pattern.compile("^\\s*(([0-9]{4})年)?(上半年|前半年|全年|年底|年末)");

	/** A period a change is measured from, after 较, 比, 与 or as 同比/环比. */
	private static final Pattern BASE = Pattern.compile("(同比|环比|(较|比|与|相比|比较)(([0-9]{4})年)?(" + MONTH
			+ "月(([0-9]{1,2})日|底|末)|上半年|年初|年底|年末|去年同期|上年同期|去年底|去年年底|上年底|上年末|去年|上年|一季度末|三季度末|上期|上一期))");

	private PeriodWords() {
	}

	/** The period a sentence states its figures for (截至…), if it names one. */
	static Optional<LocalDate> asOf(String sentence, LocalDate current) {
		Matcher m = AS_OF.matcher(sentence);
		if (!m.find()) {
			Matcher opening = OPENING.matcher(sentence);
			if (!opening.find() || (opening.group(2) == null && current == null)) {
				return Optional.empty();
			}
			int year = opening.group(2) != null ? Integer.parseInt(opening.group(2)) : current.getYear();
			boolean half = opening.group(3).endsWith("半年");
			return Optional.of(half ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31));
		}
		if ("目前".equals(m.group(2))) {
			return Optional.ofNullable(current);
		}
		if (m.group(3) != null) {
			int year = Integer.parseInt(m.group(3));
			String rest = m.group(4);
			if (rest.startsWith("上半年")) {
				return Optional.of(LocalDate.of(year, 6, 30));
			}
			if (m.group(5) == null) {
				return Optional.of(LocalDate.of(year, 12, 31));
			}
			int month = month(m.group(5));
			return Optional.of(m.group(7) != null ? LocalDate.of(year, month, Integer.parseInt(m.group(7)))
					: YearMonth.of(year, month).atEndOfMonth());
		}
		if (current == null) {
			return Optional.empty();
		}
		return Optional.of(YearMonth.of(current.getYear(), month(m.group(8))).atEndOfMonth());
	}

	/**
	 * The period a change before {@code end} of the clause is measured from, its words
	 * ("6月底"), or empty when none is named; a period that cannot be resolved (no current
	 * period known) is empty as well, with the words.
	 */
	static Optional<Base> base(String clauseBeforeClaim, LocalDate period, List<LocalDate> verifiedPeriods) {
		Matcher m = BASE.matcher(clauseBeforeClaim);
		Base found = null;
		while (m.find()) {
			found = new Base(m.group(), resolve(m, period, verifiedPeriods));
		}
		return Optional.ofNullable(found);
	}

	/** A base period: the words that name it and the date, if it resolves. */
	record Base(String words, Optional<LocalDate> date) {
	}

	private static Optional<LocalDate> resolve(Matcher m, LocalDate period, List<LocalDate> verifiedPeriods) {
		if (period == null) {
			return Optional.empty();
		}
		int year = m.group(4) != null ? Integer.parseInt(m.group(4)) : period.getYear();
		String what = m.group(1).startsWith("同比") || m.group(1).startsWith("环比") ? m.group(1) : m.group(5);
		if (m.group(6) != null) {
			int month = month(m.group(6));
			return Optional.of(m.group(8) != null ? LocalDate.of(year, month, Integer.parseInt(m.group(8)))
					: YearMonth.of(year, month).atEndOfMonth());
		}
		return switch (what) {
			case "同比", "去年同期", "上年同期" -> Optional.of(YearMonth.from(period).minusYears(1).atEndOfMonth());
			case "上半年" -> Optional.of(LocalDate.of(year, 6, 30));
			case "一季度末" -> Optional.of(LocalDate.of(year, 3, 31));
			case "三季度末" -> Optional.of(LocalDate.of(year, 9, 30));
			case "年底", "年末" -> Optional.of(LocalDate.of(year, 12, 31));
			case "年初", "去年底", "去年年底", "上年底", "上年末", "去年", "上年" -> Optional.of(LocalDate.of(year - 1, 12, 31));
			case "环比", "上期", "上一期" ->
				verifiedPeriods.stream().filter(p -> p.isBefore(period)).max(LocalDate::compareTo);
			default -> Optional.empty();
		};
	}

	private static int month(String written) {
		if (Character.isDigit(written.charAt(0))) {
			return Integer.parseInt(written);
		}
		String numerals = "一二三四五六七八九";
		if (written.startsWith("十")) {
			return written.length() == 1 ? 10 : 10 + numerals.indexOf(written.charAt(1)) + 1;
		}
		return numerals.indexOf(written.charAt(0)) + 1;
	}

}
