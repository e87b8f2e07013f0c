package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which characters of a sentence are numbers, and how sentences and clauses are cut. */
class NumberSpansTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			编号7                   | 7
			7                       | 7
			共1.5                   | 1.5
			共1.                    | 1
			3,000人次               | 3,000
			共3,                    | 3
			６４项                  | ６４
			一百四十                | 一百四十
			合作项目一百四十个      | 一百四十
			统一                    | -
			十                      | -
			一十                    | 一十
			第一                    | 一
			（一）                  | 一
			(二)                    | 二
			一是                    | 一
			二、                    | 二
			百分之六十二            | 六十二
			之六                    | -
			六成                    | 六
			千家万户                | -
			两地                    | -
			""")
	void givenASentence_itsNumbersAreFound(String sentence, String numbers) {
		List<String> found = NumberSpans.tokens(sentence)
			.stream()
			.map(t -> sentence.substring(t.start(), t.end()))
			.toList();

		assertThat(found).isEqualTo(numbers == null ? List.of() : List.of(numbers.split(" ")));
	}

	@Test
	void givenAText_sentencesAndClausesAreCutAtTheirMarksButNotAtThousandsSeparators() {
		List<Sentence> sentences = Sentence.split("  甲，3,000人次、乙：丙 。\n\n丁,4");

		assertThat(sentences).extracting(Sentence::quoted).containsExactly("甲，3,000人次、乙：丙", "丁,4");
		assertThat(sentences).extracting(Sentence::offset).containsExactly(0, 19);
		Sentence first = sentences.get(0);
		int thousands = first.text().indexOf("000");
		assertThat(first.clauseStart(thousands)).isEqualTo(first.text().indexOf('，'));
		assertThat(first.clauseEnd(thousands)).isEqualTo(first.text().indexOf('、'));
		assertThat(first.clauseStart(0)).isZero();
		assertThat(first.clauseEnd(first.text().length() - 1)).isEqualTo(first.text().length());
		Sentence last = sentences.get(1);
		assertThat(last.clauseStart(2)).isEqualTo(1);
	}

	@Test
	void givenTitlesAndQuotes_theirCharactersAreNamedByTheirOpeningMark() {
		Sentence sentence = Sentence.split("甲《乙“丙”》\"丁\"戊").get(0);

		assertThat(sentence.namedBy(0)).isEqualTo(Sentence.PLAIN);
		assertThat(sentence.namedBy(2)).isEqualTo('《');
		assertThat(sentence.namedBy(4)).isEqualTo('《');
		assertThat(sentence.namedBy(6)).isEqualTo('《');
		assertThat(sentence.namedBy(8)).isEqualTo('"');
		assertThat(sentence.namedBy(10)).isEqualTo(Sentence.PLAIN);
		assertThat(sentence.anyNamed(0, 1)).isFalse();
		assertThat(sentence.anyNamed(0, 2)).isTrue();
		assertThat(sentence.anyNamed(10, 11)).isFalse();
	}

	@Test
	void givenWordsAndAWindow_theLongestCommonRunNearestTheEndIsFound() {
		assertThat(FigureMatcher.longestCommon("签约投资额", "企业签约投资超过")).containsExactly(4, 6);
		assertThat(FigureMatcher.longestCommon("项目", "项目甲项目")).containsExactly(2, 5);
		assertThat(FigureMatcher.longestCommon("县区", "合作")).containsExactly(0, 0);
		assertThat(FigureMatcher.longestCommon("开工", "")).containsExactly(0, 0);
	}

	@Test
	void givenClaimsAtTheEdgesOfATextWithoutPunctuation_theyAreStillRead() {
		ClaimChecker checker = new ClaimChecker(IssueSentencesTest.TWO_PERIODS, IssueSentencesTest.DERIVED);

		assertThat(checker.check("合作项目140个")).extracting(ClaimVerdict::verdict).containsExactly(Verdict.CONSISTENT);
		assertThat(checker.check("140个合作项目")).extracting(ClaimVerdict::figureId).containsExactly("project_count");
		assertThat(checker.check("开工率62%")).extracting(ClaimVerdict::verdict).containsExactly(Verdict.CONSISTENT);
		assertThat(checker.report("编号7").notClaims()).extracting(NotAClaim::reasonEn)
			.containsExactly("no unit or measure word: not a figure");
		assertThat(checker.report("第3").notClaims()).extracting(NotAClaim::reason).containsExactly("序数");
		assertThat(checker.report("2024").notClaims()).extracting(NotAClaim::reason).containsExactly("年份");
		assertThat(checker.report("1850年").notClaims()).extracting(NotAClaim::reason).containsExactly("时长");
		assertThat(checker.report("（3）").notClaims()).extracting(NotAClaim::reason).containsExactly("序号");
		assertThat(checker.report("3、").notClaims()).extracting(NotAClaim::reason).containsExactly("没有单位或量词，不是数据表述");
	}

	@Test
	void givenTheSameWordsFarAndNear_theCloserFigureWins() {
		ClaimChecker checker = new ClaimChecker(IssueSentencesTest.TWO_PERIODS, IssueSentencesTest.DERIVED);

		assertThat(checker.check("签约资金与完成投资约110亿元。")).extracting(ClaimVerdict::figureId)
			.containsExactly("completed_investment");
		assertThat(checker.check("完成投资与签约资金约600亿元。")).extracting(ClaimVerdict::figureId)
			.containsExactly("committed_investment");
		assertThat(checker.check("科技成果中有六成已转化。")).extracting(ClaimVerdict::kind, ClaimVerdict::verdict)
			.containsExactly(tuple(ClaimKind.RATE, Verdict.UNVERIFIABLE));
	}

}
