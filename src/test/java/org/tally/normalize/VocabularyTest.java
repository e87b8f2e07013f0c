package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VocabularyTest {

	private static Vocabulary projectStatus() {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("签约", List.of("已签约", "簽約"));
		values.put("开工", List.of("在建", "已开工", "開工"));
		values.put("竣工", List.of("已竣工", "完工", "建成投产"));
		return new Vocabulary("项目状态", values);
	}

	@ParameterizedTest(name = "given [{0}], the status is {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			开工          | 开工
			在建          | 开工
			已开工        | 开工
			開工          | 开工
			' 在 建 '     | 开工
			'已竣工\n'    | 竣工
			建成投产      | 竣工
			簽約          | 签约
			已簽約        | 签约
			""")
	void givenASynonym_theCanonicalValueIsReturned(String raw, String expected) {
		assertThat(projectStatus().resolve(raw.replace("\\n", "\n"))).isEqualTo(expected);
	}

	@Test
	void givenAnUnknownValue_theReasonListsTheValues() {
		assertThatThrownBy(() -> projectStatus().resolve("停工")).isInstanceOfSatisfying(ValueFormatException.class,
				e -> {
					assertThat(e.raw()).isEqualTo("停工");
					assertThat(e.reasonZh()).isEqualTo("不是「项目状态」的有效取值（签约、开工、竣工）");
					assertThat(e.reasonEn()).isEqualTo("not one of 项目状态: 签约, 开工, 竣工");
				});
	}

	@Test
	void givenABlankCell_thereIsNoValue() {
		assertThat(projectStatus().resolve("")).isNull();
		assertThat(projectStatus().resolve(null)).isNull();
		assertThat(projectStatus().resolve("—")).isNull();
	}

	@Test
	void givenAPlaceholderThatIsAlsoAValue_theValueWins() {
		Vocabulary yesNo = new Vocabulary("是否", Map.of("有", List.of("是"), "无", List.of("否", "没有")));
		assertThat(yesNo.resolve("无")).isEqualTo("无");
		assertThat(yesNo.resolve("否")).isEqualTo("无");
	}

	@Test
	void givenTwoValuesClaimingOneSynonym_theVocabularyIsRefused() {
		assertThatThrownBy(() -> new Vocabulary("状态", Map.of("开工", List.of("在建"), "停工", List.of("在 建"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("开工")
			.hasMessageContaining("停工");
	}

	@Test
	void givenTheVocabulary_itsValuesKeepTheirOrder() {
		assertThat(projectStatus().canonicalValues()).containsExactly("签约", "开工", "竣工");
		assertThat(projectStatus().name()).isEqualTo("项目状态");
	}

}
