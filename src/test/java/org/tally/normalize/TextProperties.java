package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Theories.digitStrings;
import static org.tally.support.Theories.qt;
import static org.tally.support.Theories.stringsOf;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TextProperties {

	static Gen<String> headers() {
		return stringsOf("合作資金资金萬万元（）() \n\u3000ＡBc１2項目項目签约投资额", 0, 20);
	}

	@Test
	void givenAnyText_theCanonicalKeyIsStable() {
		qt(500).forAll(headers()).checkAssert(text -> {
			String key = TextKeys.canonical(text);
			assertThat(TextKeys.canonical(key)).isEqualTo(key);
			assertThat(key).doesNotContainAnyWhitespaces();
			assertThat(TextKeys.canonicalWithoutBrackets(text)).doesNotContain("(", ")");
		});
	}

	@Test
	void givenAnyText_tidyingTwiceChangesNothing() {
		qt(500).forAll(headers()).checkAssert(text -> {
			String once = CellValues.text(text);
			if (once != null) {
				assertThat(CellValues.text(once)).isEqualTo(once);
				assertThat(once).doesNotContain("\n", "  ").isEqualTo(once.strip());
			}
		});
	}

	static Gen<String> digitCodes() {
		return digitStrings(1, 14);
	}

	@Test
	void givenAnyDigitCode_itSurvivesAsTextAndAsAWholeFloat() {
		qt(500).forAll(digitCodes()).checkAssert(digits -> {
			assertThat(CellValues.code(digits)).isEqualTo(digits);
			assertThat(CellValues.code(NumberFormats.fullWidth(digits))).isEqualTo(digits);
			assertThat(CellValues.code(digits + ".0")).isEqualTo(digits);
		});
	}

}
