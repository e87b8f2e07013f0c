package org.tally.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the end date of a reporting period in a title cell or a file name. */
public final class ReportingPeriods {

	private static final String YEAR = "(?<![0-9])((?:19|20|21)[0-9]{2})";

	private static final String TO = "(?:至|到|-|—|~|〜)";

	private static final String QUARTER_DIGIT = "([一二三四1-4])";

	private record Shape(Pattern pattern, Function<MatchResult, LocalDate> end) {
		Shape(String regex, Function<MatchResult, LocalDate> end) {
			this(Pattern.compile(regex), end);
		}
	}

	private static final List<Shape> SHAPES = List.of(
			new Shape(YEAR + "年([0-9]{1,2})月([0-9]{1,2})[日号]", m -> day(m, 1, 2, 3)),
			new Shape(YEAR + "年([0-9]{1,2})月?" + TO + "([0-9]{1,2})月", m -> monthEnd(year(m), m.group(3))),
			new Shape(YEAR + "年([0-9]{1,2})月", m -> monthEnd(year(m), m.group(2))),
			new Shape(YEAR + "年?(?:第|前|(?:第?[1一](?:季度?)?" + TO + "第?))?" + QUARTER_DIGIT + "个?季",
					m -> quarterEnd(m, 2)),
			new Shape(YEAR + "年?[-_]?[qQ]([1-4])(?![0-9])", m -> quarterEnd(m, 2)),
			new Shape(YEAR + "年?(上半年|下半年|全年)", ReportingPeriods::halfEnd),
			new Shape(YEAR + "年(度)", ReportingPeriods::halfEnd),
			new Shape(YEAR + "年?[-_]?[hH]([12])(?![0-9])", ReportingPeriods::halfEnd),
			new Shape(YEAR + "([-/._])([0-9]{1,2})\\2([0-9]{1,2})(?![0-9])", m -> day(m, 1, 3, 4)),
			new Shape(YEAR + "([0-9]{2})([0-9]{2})(?![0-9])", m -> day(m, 1, 2, 3)),
			new Shape(YEAR + "[-_.](0[1-9]|1[0-2])(?![0-9]|[-/._][0-9])", m -> monthEnd(year(m), m.group(2))));

	/** After "2024年1月至": the range's end in the same year, written without it. */
	private static final Pattern SAME_YEAR_DAY = Pattern.compile("([0-9]{1,2})月([0-9]{1,2})[日号]");

	private static final Pattern SAME_YEAR_MONTH = Pattern.compile("([0-9]{1,2})月");

	private static final Pattern CONNECTOR = Pattern.compile(TO);

	// Dates that say when the sheet was filled in, not which period it reports.
	private static final List<String> NOT_A_PERIOD = List.of("填报日期", "填表日期", "制表日期", "报送日期", "打印日期", "报出日期", "填报时间",
			"制表时间", "填表时间");

	private ReportingPeriods() {
	}

	/**
	 * "截至2024年12月31日" -> that date; "2024年第四季度", "2024年四季度", "2024Q4", "2024年前三季度" ->
	 * quarter end; "2024年上半年", "2024H1" -> 06-30; "2024年下半年", "2024年度", "2024年全年" ->
	 * 12-31; "2024年6月" -> month end; ranges ("2024年1-6月", "2024年1月1日至12月31日") -> their
	 * end; file names "..._2024-12-31.xlsx", "..20241231..", "2024Q2". Traditional script
	 * too. The first match in the text wins, except dates labelled as filling-in dates
	 * (填报日期). Empty when none.
	 */
	public static Optional<LocalDate> find(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String s = Chars.withoutSpaces(TextKeys.toSimplified(Chars.nfkc(text)));
		List<Found> candidates = new ArrayList<>();
		for (Shape shape : SHAPES) {
			Matcher m = shape.pattern().matcher(s);
			while (m.find()) {
				candidates.add(new Found(m.start(), m.end(), endOf(shape, m)));
			}
		}
		candidates
			.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt(Found::end).reversed()));
		int skippedStart = -1;
		for (Found found : candidates) {
			if (found.start() == skippedStart) {
				continue;
			}
			// only the longest reading at a position counts: "2024年2月30日" is no date, not
			// February
			if (found.date() == null || labelledAsFillingIn(s, found.start())) {
				skippedStart = found.start();
				continue;
			}
			return Optional.of(rangeEnd(s, found));
		}
		return Optional.empty();
	}

	private record Found(int start, int end, LocalDate date) {
	}

	/** "2024年1月1日至2024年12月31日": a period written as a range reports up to its end. */
	private static LocalDate rangeEnd(String s, Found found) {
		Matcher connector = CONNECTOR.matcher(s).region(found.end(), s.length());
		if (!connector.lookingAt()) {
			return found.date();
		}
		int from = connector.end();
		for (Shape shape : SHAPES) {
			Matcher m = shape.pattern().matcher(s).region(from, s.length());
			m.useTransparentBounds(true);
			if (m.lookingAt()) {
				LocalDate end = endOf(shape, m);
				if (end != null && end.isAfter(found.date())) {
					return end;
				}
			}
		}
		int year = found.date().getYear();
		Matcher day = SAME_YEAR_DAY.matcher(s).region(from, s.length());
		if (day.lookingAt()) {
			LocalDate end = safe(
					() -> LocalDate.of(year, Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2))));
			return end != null && end.isAfter(found.date()) ? end : found.date();
		}
		Matcher month = SAME_YEAR_MONTH.matcher(s).region(from, s.length());
		if (month.lookingAt()) {
			LocalDate end = monthEnd(year, month.group(1));
			return end != null && end.isAfter(found.date()) ? end : found.date();
		}
		return found.date();
	}

	private static LocalDate endOf(Shape shape, MatchResult m) {
		return safe(() -> shape.end().apply(m));
	}

	private static boolean labelledAsFillingIn(String s, int start) {
		String before = s.substring(Math.max(0, start - 6), start);
		return NOT_A_PERIOD.stream().anyMatch(before::contains);
	}

	private static int year(MatchResult m) {
		return Integer.parseInt(m.group(1));
	}

	private static LocalDate day(MatchResult m, int year, int month, int day) {
		return LocalDate.of(Integer.parseInt(m.group(year)), Integer.parseInt(m.group(month)),
				Integer.parseInt(m.group(day)));
	}

	private static LocalDate monthEnd(int year, String month) {
		return YearMonth.of(year, Integer.parseInt(month)).atEndOfMonth();
	}

	private static LocalDate quarterEnd(MatchResult m, int group) {
		int quarter = "一二三四".indexOf(m.group(group).charAt(0)) + 1;
		if (quarter == 0) {
			quarter = Integer.parseInt(m.group(group));
		}
		return YearMonth.of(year(m), quarter * 3).atEndOfMonth();
	}

	private static LocalDate halfEnd(MatchResult m) {
		String half = m.group(2);
		boolean first = half.equals("上半年") || half.equals("1");
		return LocalDate.of(year(m), first ? 6 : 12, first ? 30 : 31);
	}

	private interface DateSupplier {

		LocalDate get();

	}

	private static LocalDate safe(DateSupplier supplier) {
		try {
			return supplier.get();
		}
		catch (DateTimeException | NumberFormatException e) {
			return null;
		}
	}

}
