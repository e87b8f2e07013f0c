package org.tally.mailbox.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in mail headers as Chinese mail clients write it: RFC 2047 encoded words, RFC 2231
 * values, or raw 8-bit bytes, in UTF-8 or in one of the GB charsets. Every GB label
 * decodes as GB18030, the superset: a name labelled gb2312 often holds GBK-only
 * characters (镕, 堃, traditional forms).
 */
public final class MailText {

	private static final Set<String> GB = Set.of("gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn",
			"gb18030", "x-euc-cn", "csgb2312", "chinese");

	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");

	private MailText() {
	}

	/** The charset a label names; GB labels as GB18030, unknown labels as UTF-8. */
	public static Charset charset(String label) {
		String name = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
		// RFC 2231 allows a language after the charset: gb2312*zh
		int star = name.indexOf('*');
		if (star >= 0) {
			name = name.substring(0, star);
		}
		if (GB.contains(name)) {
			return Charset.forName("GB18030");
		}
		try {
			return name.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	/**
	 * Bytes whose charset nobody declared (a raw 8-bit header, a zip entry name without
	 * the UTF-8 flag): UTF-8 when they are valid UTF-8, GB18030 otherwise.
	 */
	public static String undeclared(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("GB18030"));
		}
	}

	/**
	 * A header value as the mail library read it: one char per byte (so raw 8-bit text
	 * survives), possibly holding encoded words.
	 */
	public static String headerValue(String value) {
		if (value == null) {
			return null;
		}
		String raw = value.chars().anyMatch(c -> c > 0x7f && c <= 0xff) && value.chars().allMatch(c -> c <= 0xff)
				? undeclared(value.getBytes(StandardCharsets.ISO_8859_1)) : value;
		return encodedWords(raw);
	}

	/**
	 * Decodes RFC 2047 encoded words. Adjacent words of one charset are joined as bytes
	 * before decoding, because clients split a multi-byte character across two words.
	 */
	public static String encodedWords(String text) {
		if (text == null || !text.contains("=?")) {
			return text;
		}
		StringBuilder out = new StringBuilder();
		ByteArrayOutputStream pending = new ByteArrayOutputStream();
		Charset pendingCharset = null;
		int at = 0;
		Matcher word = ENCODED_WORD.matcher(text);
		while (word.find()) {
			String between = text.substring(at, word.start());
			Charset charset = charset(word.group(1));
			boolean joins = pendingCharset != null && between.isBlank();
			if (!joins || !charset.equals(pendingCharset)) {
				flush(out, pending, pendingCharset);
				pendingCharset = null;
				if (!joins) {
					out.append(between);
				}
			}
			byte[] bytes = word.group(2).equalsIgnoreCase("B") ? base64(word.group(3)) : quoted(word.group(3));
			pending.writeBytes(bytes);
			pendingCharset = charset;
			at = word.end();
		}
		flush(out, pending, pendingCharset);
		out.append(text.substring(at));
		return out.toString();
	}

	/**
	 * An RFC 2231 value: charset'language'percent-encoded bytes.
	 */
	public static String extendedValue(String value) {
		int first = value.indexOf('\'');
		int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
		if (second < 0) {
			return undeclared(percentDecoded(value));
		}
		return new String(percentDecoded(value.substring(second + 1)), charset(value.substring(0, first)));
	}

	/** Percent-encoded text as bytes; a stray % is kept as it is. */
	public static byte[] percentDecoded(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
				i += 2;
			}
			else {
				bytes.writeBytes(
						String.valueOf(c).getBytes(c <= 0xff ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
			}
		}
		return bytes.toByteArray();
	}

	private static void flush(StringBuilder out, ByteArrayOutputStream pending, Charset charset) {
		if (charset != null) {
			out.append(new String(pending.toByteArray(), charset));
		}
		pending.reset();
	}

	private static byte[] base64(String text) {
		try {
			return Base64.getMimeDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			// unpadded or cut short: what decodes is kept
			return Base64.getMimeDecoder().decode(text.substring(0, text.length() / 4 * 4));
		}
	}

	private static byte[] quoted(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '_') {
				bytes.write(' ');
			}
			else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toByteArray();
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

}
