package org.tally.ingest.workbook;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a delimited text file, decided from a sample of its first bytes: the
 * charset and how many BOM bytes to skip.
 */
record CsvEncoding(Charset charset, int bomLength, String decidedBy) {

	CsvEncoding(Charset charset, int bomLength) {
		this(charset, bomLength, null);
	}

	private static final Charset GB18030 = Charset.forName("GB18030");

	/**
	 * A decoder that fails on bytes invalid in this charset rather than replacing them.
	 */
	CharsetDecoder strictDecoder() {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** The sample decoded after the BOM, malformed bytes replaced: for sniffing only. */
	String decodeLeniently(byte[] b) {
		return new String(b, bomLength, b.length - bomLength, charset);
	}

	/**
	 * BOM first; then strict UTF-8 on the sample; then ICU, preferring GB18030 for
	 * Chinese text.
	 */
	static CsvEncoding detect(byte[] b, boolean wholeFile) {
		if (Sniffer.starts(b, 0xEF, 0xBB, 0xBF)) {
			return new CsvEncoding(StandardCharsets.UTF_8, 3, "UTF-8 byte order mark");
		}
		if (Sniffer.starts(b, 0xFF, 0xFE)) {
			return new CsvEncoding(StandardCharsets.UTF_16LE, 2, "UTF-16LE byte order mark");
		}
		if (Sniffer.starts(b, 0xFE, 0xFF)) {
			return new CsvEncoding(StandardCharsets.UTF_16BE, 2, "UTF-16BE byte order mark");
		}
		Charset utf16 = bomlessUtf16(b);
		if (utf16 != null) {
			return new CsvEncoding(utf16, 0, "no byte order mark; zero bytes at one parity (UTF-16 without BOM)");
		}
		if (isUtf8(b, wholeFile)) {
			return new CsvEncoding(StandardCharsets.UTF_8, 0, "no byte order mark; the "
					+ (wholeFile ? "whole file" : "first " + b.length + " bytes") + " decode as strict UTF-8");
		}
		CharsetDetector detector = new CharsetDetector();
		detector.setText(b);
		CharsetMatch[] matches = detector.detectAll();
		for (CharsetMatch m : matches) {
			// Department files are mainland Chinese: GBK/GB2312 text is the expected
			// non-UTF-8 case,
			// and short samples often score Big5 or Shift_JIS a little higher by chance.
			if (m.getName().equals("GB18030") && m.getConfidence() >= 10) {
				return new CsvEncoding(GB18030, 0, "not UTF-8; ICU detection names GB18030 (confidence "
						+ m.getConfidence() + "), preferred for mainland Chinese text");
			}
		}
		if (matches.length > 0 && Charset.isSupported(matches[0].getName()) && matches[0].getConfidence() >= 50) {
			return new CsvEncoding(Charset.forName(matches[0].getName()), 0,
					"not UTF-8; ICU detection's best guess (confidence " + matches[0].getConfidence() + ")");
		}
		return new CsvEncoding(GB18030, 0, "not UTF-8 and no confident detection: GB18030 by default");
	}

	private static Charset bomlessUtf16(byte[] b) {
		int even = 0;
		int odd = 0;
		int n = b.length & ~1;
		for (int i = 0; i < n; i += 2) {
			if (b[i] == 0 && b[i + 1] != 0) {
				even++;
			}
			else if (b[i + 1] == 0 && b[i] != 0) {
				odd++;
			}
		}
		if (n >= 4 && odd * 10 >= n * 4 && even == 0) {
			return StandardCharsets.UTF_16LE;
		}
		if (n >= 4 && even * 10 >= n * 4 && odd == 0) {
			return StandardCharsets.UTF_16BE;
		}
		return null;
	}

	private static boolean isUtf8(byte[] b, boolean wholeFile) {
		CharsetDecoder d = new CsvEncoding(StandardCharsets.UTF_8, 0).strictDecoder();
		ByteBuffer in = ByteBuffer.wrap(b);
		CharBuffer out = CharBuffer.allocate(b.length);
		CoderResult r = d.decode(in, out, wholeFile);
		if (r.isError()) {
			return false;
		}
		// A sample cut inside a multi-byte character leaves at most 3 undecoded bytes.
		return wholeFile ? d.flush(out).isUnderflow() : in.remaining() <= 3;
	}

}
