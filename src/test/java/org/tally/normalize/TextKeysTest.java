package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextKeysTest {

	@ParameterizedTest(name = "given [{0}], the key is [{1}]")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			'合作資金\n（萬元）'       | 合作资金(万元)
			'合作资金(万元)'           | 合作资金(万元)
			' 签约 投资额 '            | 签约投资额
			'项目名称\r\n'             | 项目名称
			'ＰＰＰ项目'               | ppp项目
			'GDP增速（％）'            | gdp增速(%)
			'開工'                     | 开工
			'長治市潞州區'             | 长治市潞州区
			'金额【万元】'             | 金额(万元)
			'单位：万元'               | 单位:万元
			'序　号'                   | 序号
			''                         | ''
			""")
	void givenHeaderText_theCanonicalKeyMatchesAcrossScriptsAndWidths(String text, String expected) {
		assertThat(TextKeys.canonical(text.replace("\\n", "\n").replace("\\r", "\r"))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "given [{0}], the key without brackets is [{1}]")
	@CsvSource(delimiter = '|', textBlock = """
			签约投资额（万元）         | 签约投资额
			培训教师(人次)             | 培训教师
			合作資金（萬元）           | 合作资金
			到位资金(万元)(累计)       | 到位资金
			投资额（其中(万元)）合计   | 投资额合计
			投资额（万元               | 投资额
			投资额）                   | 投资额
			项目名称                   | 项目名称
			""")
	void givenABracketedQualifier_itIsDropped(String text, String expected) {
		assertThat(TextKeys.canonicalWithoutBrackets(text)).isEqualTo(expected);
	}

	@Test
	void givenNull_theKeyIsEmpty() {
		assertThat(TextKeys.canonical(null)).isEmpty();
		assertThat(TextKeys.canonicalWithoutBrackets(null)).isEmpty();
	}

	@Test
	void givenManyThreads_eachGetsTheSameKeys() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Callable<Boolean> work = () -> {
				for (int i = 0; i < 500; i++) {
					if (!TextKeys.canonical("合作資金（萬元）" + i).equals("合作资金(万元)" + i)) {
						return false;
					}
				}
				return true;
			};
			List<Future<Boolean>> results = pool.invokeAll(List.of(work, work, work, work));
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
