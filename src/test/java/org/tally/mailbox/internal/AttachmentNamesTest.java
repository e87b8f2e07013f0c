package org.tally.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Given the Content-Disposition and Content-Type headers Chinese mail clients write
 * (Foxmail, Outlook, the web mail of 政务邮箱 systems, phones), the file name is read back as
 * the clerk typed it.
 */
class AttachmentNamesTest {

	static final Charset GB18030 = Charset.forName("GB18030");

	static final String NAME = "市财政局_京长对口合作项目台账_2024-12-31.xlsx";

	/** 镕 and 堃 are GBK, not GB 2312: a name labelled gb2312 still holds them. */
	static final String GBK_ONLY = "朱镕基_堃_台账.xlsx";

	@Test
	void givenAnRfc2231NameInUtf8_itIsDecoded() {
		String header = "attachment; filename*=UTF-8''" + percent(NAME, StandardCharsets.UTF_8);

		assertThat(AttachmentNames.name(header, "filename")).isEqualTo(NAME);
	}

	@Test
	void givenAnRfc2231NameLabelledGb2312HoldingGbkOnlyCharacters_itIsDecodedAsGb18030() {
		String header = "attachment; filename*=gb2312'zh-cn'" + percent(GBK_ONLY, GB18030);

		assertThat(AttachmentNames.name(header, "filename")).isEqualTo(GBK_ONLY);
	}

	@Test
	void givenAnRfc2231NameContinuedOverThreeSegments_theSegmentsAreJoinedAsBytesBeforeDecoding() {
		String encoded = percent(NAME, StandardCharsets.UTF_8);
		// cut inside 财 and inside 京 (three bytes each) on purpose
		int first = 12;
		int second = encoded.indexOf('_') + 1 + 6;
		String header = "attachment;\r\n filename*0*=UTF-8''" + encoded.substring(0, first) + ";\r\n filename*1*="
				+ encoded.substring(first, second) + ";\r\n filename*2*=" + encoded.substring(second);

		assertThat(AttachmentNames.name(header, "filename")).isEqualTo(NAME);
	}

	@Test
	void givenAnRfc2047NameInGbkInsideTheQuotedParameter_itIsDecoded() {
		String header = "application/vnd.ms-excel; name=\"=?GBK?B?" + base64(NAME, GB18030) + "?=\"";

		assertThat(AttachmentNames.name(header, "name")).isEqualTo(NAME);
	}

	@Test
	void givenAnRfc2047NameSplitAcrossWordsInsideACharacter_theWordsAreJoinedAsBytes() {
		byte[] bytes = GBK_ONLY.getBytes(GB18030);
		String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 3));
		String second = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 3, bytes.length));
		String header = "attachment; filename=\"=?gb2312?B?" + first + "?=\r\n =?gb2312?B?" + second + "?=\"";

		assertThat(AttachmentNames.name(header, "filename")).isEqualTo(GBK_ONLY);
	}

	@Test
	void givenAQuotedPrintableRfc2047NameInUtf8_itIsDecoded() {
		StringBuilder q = new StringBuilder();
		for (byte b : "台账 2024.csv".getBytes(StandardCharsets.UTF_8)) {
			q.append(b == ' ' ? "_" : "=" + HexFormat.of().withUpperCase().toHexDigits(b));
		}
		String header = "attachment; filename=\"=?utf-8?Q?" + q + "?=\"";

		assertThat(AttachmentNames.name(header, "filename")).isEqualTo("台账 2024.csv");
	}

	@Test
	void givenRawGbkBytesInTheHeaderReadOneCharPerByte_theNameIsDecodedAsGb18030() {
		String raw = new String(NAME.getBytes(GB18030), StandardCharsets.ISO_8859_1);

		assertThat(AttachmentNames.name("attachment; filename=\"" + raw + "\"", "filename")).isEqualTo(NAME);
	}

	@Test
	void givenRawUtf8BytesInTheHeaderReadOneCharPerByte_theNameIsDecodedAsUtf8() {
		String raw = new String(NAME.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

		assertThat(AttachmentNames.name("attachment; filename=" + raw, "filename")).isEqualTo(NAME);
	}

	@Test
	void givenBothFormsOrAWindowsPath_theRfc2231FormWinsAndOutlooksBackslashesStayVisible() {
		String header = "attachment; filename=\"fallback.xlsx\"; filename*=UTF-8''"
				+ percent(NAME, StandardCharsets.UTF_8);

		assertThat(AttachmentNames.name(header, "filename")).isEqualTo(NAME);
		assertThat(AttachmentNames.name("attachment; filename=\"C:\\Users\\clerk\\台账.xlsx\"", "filename"))
			.isEqualTo("C:\\Users\\clerk\\台账.xlsx");
	}

	private static String percent(String text, Charset charset) {
		return URLEncoder.encode(text, charset).replace("+", "%20");
	}

	private static String base64(String text, Charset charset) {
		return Base64.getEncoder().encodeToString(text.getBytes(charset));
	}

}
