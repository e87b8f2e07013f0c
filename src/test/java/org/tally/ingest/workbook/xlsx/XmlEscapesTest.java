package org.tally.ingest.workbook.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * OOXML's {@code _xHHHH_} escapes (ECMA-376 22.9.2.19): four hexadecimal digits, ASCII
 * only, as Excel and POI read them.
 */
class XmlEscapesTest {

	@Test
	void givenEscapesWithAsciiHexDigits_eachBecomesItsCharacter() {
		assertThat(Xml.unescape("a_x000D_b_x0009_c_x00e9_")).isEqualTo("a\rb\tcé");
		assertThat(Xml.unescape("_x005F_x0041_")).isEqualTo("_x0041_");
	}

	/**
	 * Found by the differential test: Character.digit reads full-width digits as hex
	 * digits, so a clerk's text "_x００４１_" became "A" where POI and Excel keep it.
	 */
	@Test
	void givenAnEscapeSpelledWithFullWidthDigits_theTextIsKeptAsWritten() {
		assertThat(Xml.unescape("_x\uff10\uff10\uff14\uff11_")).isEqualTo("_x\uff10\uff10\uff14\uff11_");
		assertThat(Xml.unescape("编号_x\uff10\uff10\uff14\uff11_号")).isEqualTo("编号_x\uff10\uff10\uff14\uff11_号");
	}

}
