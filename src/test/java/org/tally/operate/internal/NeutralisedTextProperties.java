package org.tally.operate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Whatever a department typed, the rejects workbook never hands Excel a formula. */
class NeutralisedTextProperties {

	@Property
	void noTextStartsWithAFormulaTrigger(@ForAll @Chars({ '=', '+', '-', '@', '\t', '\r', 'a', '1', '\'' }) @CharRange(
			from = '\u4e00', to = '\u4e10') @StringLength(min = 1, max = 12) String typed) {
		String written = RejectsWorkbook.neutralised(typed);

		assertThat(written.charAt(0)).isNotIn('=', '+', '-', '@', '\t', '\r');
		assertThat(written.equals(typed) || written.equals("'" + typed)).isTrue();
	}

	@Property
	void harmlessTextIsLeftAsItIs(
			@ForAll @CharRange(from = '\u4e00', to = '\u9fff') @StringLength(min = 1, max = 12) String typed) {
		assertThat(RejectsWorkbook.neutralised(typed)).isEqualTo(typed);
	}

}
