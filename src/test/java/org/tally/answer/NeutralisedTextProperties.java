package org.tally.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.tally.support.Theories.qt;
import static org.tally.support.Theories.stringsOf;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever a department typed, the rejects workbook marks formula-like text as text (its
 * quote-prefix style) and leaves the rest alone.
 */
class NeutralisedTextProperties {

	/** Formula triggers, harmless characters, a quote and a few CJK ideographs. */
	static Gen<String> typedWithTriggers() {
		String cjk = IntStream.rangeClosed('\u4e00', '\u4e10')
			.mapToObj(Character::toString)
			.collect(Collectors.joining());
		return stringsOf("=+-@\t\ra1'" + cjk, 1, 12);
	}

	@Test
	void givenAnyTypedText_itIsMarkedAsTextExactlyWhenItStartsWithAFormulaTrigger() {
		qt(1000).forAll(typedWithTriggers())
			.checkAssert(typed -> assertThat(RejectsWorkbook.startsFormula(typed))
				.isEqualTo("=+-@\t\r".indexOf(typed.charAt(0)) >= 0));
	}

	@Test
	void givenHarmlessText_itIsLeftAsItIs() {
		qt(1000).forAll(strings().betweenCodePoints('\u4e00', '\u9fff').ofLengthBetween(1, 12))
			.checkAssert(typed -> assertThat(RejectsWorkbook.startsFormula(typed)).isFalse());
	}

}
