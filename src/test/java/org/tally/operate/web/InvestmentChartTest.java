package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tally.figures.InvestmentByCounty;

/**
 * The press page's chart states its bars in the unit of the largest county's magnitude.
 */
class InvestmentChartTest {

	private static final LocalDate JUNE = LocalDate.of(2024, 6, 30);

	private static final LocalDate DECEMBER = LocalDate.of(2024, 12, 31);

	@Test
	void givenCountiesOfTensOfYi_theChartIsInYiYuanAsBefore() {
		List<InvestmentChart.PeriodChart> charts = InvestmentChart.charts(List.of(period(DECEMBER,
				county("潞州区", "12000000000", "2500000000"), county("上党区", "48237450000", "8485632500"))));

		InvestmentChart.PeriodChart chart = charts.get(0);
		assertThat(chart.unit()).isEqualTo("亿元");
		assertThat(chart.committed()).isEqualByComparingTo("602.37");
		assertThat(chart.svg()).contains("潞州区 签约 120.00 亿元").contains("完成投资 completed（亿元）");
	}

	@Test
	void givenAMillionRowLedger_everyPeriodIsInWanYiYuanOnOneScale() {
		List<InvestmentChart.PeriodChart> charts = InvestmentChart.charts(List.of(
				period(JUNE, county("潞州区", "300000000000000", "90000000000000"),
						county("上党区", "49784766000000", "1000000000000")),
				period(DECEMBER, county("潞州区", "400000000000000", "100000000000000"),
						county("上党区", "49784766000000", "2000000000000"))));

		assertThat(charts).extracting(InvestmentChart.PeriodChart::unit).containsExactly("万亿元", "万亿元");
		assertThat(charts.get(1).committed()).isEqualByComparingTo("449.78");
		assertThat(charts.get(1).bars()).extracting(InvestmentChart.Bar::completed)
			.containsExactly(new BigDecimal("100.00"), new BigDecimal("2.00"));
		assertThat(charts.get(0).svg()).contains("上党区 签约 49.78 万亿元").contains("完成投资 completed（万亿元）");
	}

	@Test
	void givenNoVerifiedPeriod_thereIsNoChart() {
		assertThat(InvestmentChart.charts(List.of())).isEmpty();
	}

	private static InvestmentByCounty.Period period(LocalDate asOf, InvestmentByCounty.County... counties) {
		return new InvestmentByCounty.Period(asOf, basis("committed_investment", asOf),
				basis("completed_investment", asOf), List.of(counties));
	}

	private static InvestmentByCounty.Basis basis(String figure, LocalDate asOf) {
		return new InvestmentByCounty.Basis(figure, figure.replace('_', ' '), asOf, 1, 1, 1);
	}

	private static InvestmentByCounty.County county(String name, String committed, String completed) {
		return new InvestmentByCounty.County(name, new BigDecimal(committed), new BigDecimal(completed));
	}

}
