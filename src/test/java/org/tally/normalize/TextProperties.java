package org.tally.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TextProperties {

	@Provide
	Arbitrary<String> headers() {
		return Arbitraries.strings().withChars("合作資金资金萬万元（）() \n\u3000ＡBc１2項目項目签约投资额").ofMaxLength(20);
	}

	@Property(tries = 500)
	void givenAnyText_theCanonicalKeyIsStable(@ForAll("headers") String text) {
		String key = TextKeys.canonical(text);
		assertThat(TextKeys.canonical(key)).isEqualTo(key);
		assertThat(key).doesNotContainAnyWhitespaces();
		assertThat(TextKeys.canonicalWithoutBrackets(text)).doesNotContain("(", ")");
	}

	@Property(tries = 500)
	void givenAnyText_tidyingTwiceChangesNothing(@ForAll("headers") String text) {
		String once = CellValues.text(text);
		if (once != null) {
			assertThat(CellValues.text(once)).isEqualTo(once);
			assertThat(once).doesNotContain("\n", "  ").isEqualTo(once.strip());
		}
	}

	@Provide
	Arbitrary<String> digitCodes() {
		return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14);
	}

	@Property(tries = 500)
	void givenAnyDigitCode_itSurvivesAsTextAndAsAWholeFloat(@ForAll("digitCodes") String digits) {
		assertThat(CellValues.code(digits)).isEqualTo(digits);
		assertThat(CellValues.code(NumberFormats.fullWidth(digits))).isEqualTo(digits);
		assertThat(CellValues.code(digits + ".0")).isEqualTo(digits);
	}

}
