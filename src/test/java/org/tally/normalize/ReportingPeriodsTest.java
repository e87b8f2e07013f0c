package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodsTest {

	@ParameterizedTest(name = "given [{0}], the period ends {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			京长对口合作项目进展情况（截至2024年12月31日）     | 2024-12-31
			截止2024年12月31日                                 | 2024-12-31
			（截至2024年6月30日）                               | 2024-06-30
			截至２０２４年６月３０日                           | 2024-06-30
			截至2024年12月31號                                 | 2024-12-31
			'截至 2024 年 6 月 30 日'                          | 2024-06-30
			2024年第四季度京长合作情况                         | 2024-12-31
			2024年四季度                                       | 2024-12-31
			2024年第1季度                                      | 2024-03-31
			2024年第三季                                       | 2024-09-30
			2024年前三季度                                     | 2024-09-30
			2024年1-3季度                                      | 2024-09-30
			2024Q4                                             | 2024-12-31
			2024q2                                             | 2024-06-30
			2024-Q3                                            | 2024-09-30
			2024年上半年                                       | 2024-06-30
			2024H1                                             | 2024-06-30
			2024年下半年                                       | 2024-12-31
			2024H2                                             | 2024-12-31
			2024年度工作总结                                   | 2024-12-31
			2024年全年                                         | 2024-12-31
			2024年6月                                          | 2024-06-30
			2024年2月                                          | 2024-02-29
			2024年1-6月                                        | 2024-06-30
			2024年1—11月累计                                   | 2024-11-30
			2024年1月至6月                                      | 2024-06-30
			2023年7月至2024年6月                                | 2024-06-30
			2024年1月1日至2024年12月31日                        | 2024-12-31
			2024年1月1日至12月31日                              | 2024-12-31
			2024年1月1日至6月                                   | 2024-06-30
			2024年7月1日至3月                                   | 2024-07-01
			2024年7月1日至3月31日                               | 2024-07-01
			2023年7月1日至2023年1月1日                          | 2023-07-01
			长治_对口合作_2024-12-31.xlsx                       | 2024-12-31
			report_20241231_v2.xlsx                            | 2024-12-31
			2024-06-30                                         | 2024-06-30
			2024.6.30统计表.xls                                | 2024-06-30
			合作项目2024Q2.csv                                 | 2024-06-30
			合作项目_2024-06.xlsx                              | 2024-06-30
			填报日期：2025年1月5日 截至2024年12月31日          | 2024-12-31
			2024年12月31日 2025年1月5日                        | 2024-12-31
			""")
	void givenATitleOrFileName_thePeriodEndIsFound(String text, LocalDate expected) {
		assertThat(ReportingPeriods.find(text)).contains(expected);
	}

	@ParameterizedTest(name = "given [{0}], no period is found")
	@ValueSource(strings = { "", "京长对口合作项目汇总表", "项目12345678.xlsx", "2024年", "第2024号", "2024年2月30日", "v1234-56.xlsx" })
	void givenTextWithoutAPeriod_nothingIsFound(String text) {
		assertThat(ReportingPeriods.find(text)).isEmpty();
	}

}
