package org.tally.operate.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.tally.figures.InvestmentByCounty;
import org.tally.figures.PressPhrasing;

/**
 * Committed versus completed investment by county and period, as of the last verified
 * versions of the two figures (never the loads merely current), drawn as inline SVG bars
 * on the server: no chart library, nothing for the browser to fetch.
 */
@Component
class InvestmentChart {

	private final InvestmentByCounty investment;

	InvestmentChart(InvestmentByCounty investment) {
		this.investment = investment;
	}

	/**
	 * One bar pair: a county in a period, committed and completed investment in the
	 * charts' unit (rounded for display).
	 */
	record Bar(LocalDate period, String county, BigDecimal committed, BigDecimal completed, BigDecimal committedYuan,
			BigDecimal completedYuan) {
	}

	/**
	 * One period's chart: its bars, their totals, the amount unit both are in, the
	 * verified versions they come from, and the SVG.
	 */
	record PeriodChart(LocalDate period, List<Bar> bars, BigDecimal committed, BigDecimal completed, String unit,
			String basis, String svg) {
	}

	List<PeriodChart> charts() {
		return charts(investment.periods());
	}

	/**
	 * All periods on one scale and in one unit, the unit of the largest bar's magnitude
	 * (亿元 for the seeds, 万亿元 for a ledger of a million rows), so periods compare by eye.
	 */
	static List<PeriodChart> charts(List<InvestmentByCounty.Period> periods) {
		BigDecimal largest = periods.stream()
			.flatMap(p -> p.counties().stream())
			.flatMap(c -> Stream.of(c.committed(), c.completed()))
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ZERO);
		int exponent = PressPhrasing.magnitudeOf(largest);
		String unit = PressPhrasing.amountUnitOf(exponent);
		Map<LocalDate, List<Bar>> byPeriod = new LinkedHashMap<>();
		for (InvestmentByCounty.Period period : periods) {
			byPeriod.put(period.asOf(),
					period.counties()
						.stream()
						.map(c -> new Bar(period.asOf(), c.county(), inUnit(c.committed(), exponent),
								inUnit(c.completed(), exponent), c.committed(), c.completed()))
						.toList());
		}
		BigDecimal max = byPeriod.values()
			.stream()
			.flatMap(List::stream)
			.flatMap(b -> Stream.of(b.committed(), b.completed()))
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ONE);
		List<PeriodChart> charts = new ArrayList<>();
		for (InvestmentByCounty.Period period : periods) {
			List<Bar> periodBars = byPeriod.get(period.asOf());
			charts.add(new PeriodChart(period.asOf(), periodBars,
					// totals from yuan, not from the rounded bars, so they agree with the
					// published figures
					inUnit(periodBars.stream().map(Bar::committedYuan).reduce(BigDecimal.ZERO, BigDecimal::add),
							exponent),
					inUnit(periodBars.stream().map(Bar::completedYuan).reduce(BigDecimal.ZERO, BigDecimal::add),
							exponent),
					unit, basis(period), svg(period.asOf(), periodBars, max, unit)));
		}
		return charts;
	}

	private static String basis(InvestmentByCounty.Period period) {
		return "核定版本 verified versions: 签约 committed v" + period.committed().version() + "（运行 run "
				+ period.committed().runId() + "）· 完成 completed v" + period.completed().version() + "（运行 run "
				+ period.completed().runId() + "）";
	}

	/**
	 * Horizontal bar pairs, one row per county, on one scale for all periods so periods
	 * compare by eye.
	 */
	static String svg(LocalDate period, List<Bar> bars, BigDecimal max, String unit) {
		int labelWidth = 90;
		int plotWidth = 400;
		int row = 34;
		int top = 28;
		int height = top + bars.size() * row + 10;
		// drawing only; the numbers shown are exact
		double scale = max.signum() <= 0 ? 0 : plotWidth / max.doubleValue();
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"")
			.append(labelWidth + plotWidth + 90)
			.append("\" height=\"")
			.append(height)
			.append("\" aria-label=\"")
			.append(escape("签约与完成投资 " + period))
			.append("\">");
		svg.append("<g class=\"legend\"><rect x=\"")
			.append(labelWidth)
			.append("\" y=\"4\" width=\"12\" height=\"12\" class=\"committed\"/>")
			.append("<text x=\"")
			.append(labelWidth + 16)
			.append("\" y=\"14\">签约投资 committed</text>")
			.append("<rect x=\"")
			.append(labelWidth + 180)
			.append("\" y=\"4\" width=\"12\" height=\"12\" class=\"completed\"/>")
			.append("<text x=\"")
			.append(labelWidth + 196)
			.append("\" y=\"14\">完成投资 completed（")
			.append(escape(unit))
			.append("）</text></g>");
		int y = top;
		for (Bar bar : bars) {
			svg.append("<g class=\"bar\"><text x=\"")
				.append(labelWidth - 6)
				.append("\" y=\"")
				.append(y + 19)
				.append("\" text-anchor=\"end\">")
				.append(escape(bar.county()))
				.append("</text>");
			bar(svg, "committed", labelWidth, y + 2, Math.round(bar.committed().doubleValue() * scale),
					bar.county() + " 签约 ", bar.committed(), unit);
			bar(svg, "completed", labelWidth, y + 16, Math.round(bar.completed().doubleValue() * scale),
					bar.county() + " 完成 ", bar.completed(), unit);
			svg.append("</g>");
			y += row;
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * One bar of a county's pair: at least a pixel long, its amount in the tooltip and
	 * written after its end.
	 */
	private static void bar(StringBuilder svg, String kind, int x, int y, long length, String title, BigDecimal amount,
			String unit) {
		svg.append("<rect class=\"")
			.append(kind)
			.append("\" x=\"")
			.append(x)
			.append("\" y=\"")
			.append(y)
			.append("\" width=\"")
			.append(Math.max(length, 1))
			.append("\" height=\"13\"><title>")
			.append(escape(title + amount.toPlainString() + " " + unit))
			.append("</title></rect>")
			.append("<text class=\"value\" x=\"")
			.append(x + length + 4)
			.append("\" y=\"")
			.append(y + 11)
			.append("\">")
			.append(amount.toPlainString())
			.append("</text>");
	}

	private static BigDecimal inUnit(BigDecimal yuan, int exponent) {
		return yuan.movePointLeft(exponent).setScale(2, RoundingMode.HALF_UP);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
