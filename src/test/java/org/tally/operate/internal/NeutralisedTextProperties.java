package org.tally.operate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.tally.support.Theories.qt;
import static org.tally.support.Theories.stringsOf;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Whatever a department typed, the rejects workbook never hands Excel a formula. */
class NeutralisedTextProperties {

	/** Formula triggers, harmless characters, a quote and a few CJK ideographs. */
	static Gen<String> typedWithTriggers() {
		String cjk = IntStream.rangeClosed('\u4e00', '\u4e10')
			.mapToObj(Character::toString)
			.collect(Collectors.joining());
		return stringsOf("=+-@\t\ra1'" + cjk, 1, 12);
	}

	@Test
	void givenAnyTypedText_itNeverStartsWithAFormulaTrigger() {
		qt(1000).forAll(typedWithTriggers()).checkAssert(typed -> {
			String written = RejectsWorkbook.neutralised(typed);

			assertThat(written.charAt(0)).isNotIn('=', '+', '-', '@', '\t', '\r');
			assertThat(written.equals(typed) || written.equals("'" + typed)).isTrue();
		});
	}

	@Test
	void givenHarmlessText_itIsLeftAsItIs() {
		qt(1000).forAll(strings().betweenCodePoints('\u4e00', '\u9fff').ofLengthBetween(1, 12))
			.checkAssert(typed -> assertThat(RejectsWorkbook.neutralised(typed)).isEqualTo(typed));
	}

}
