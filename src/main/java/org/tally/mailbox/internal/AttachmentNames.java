package org.tally.mailbox.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file name of a MIME part, read from its raw headers rather than from the mail
 * library's parsing, which decodes gb2312 as the narrow GB 2312 and leaves RFC 2047 words
 * inside parameters alone. The Content-Disposition filename comes first, then the
 * Content-Type name; in each, the RFC 2231 form (filename*, filename*0*, …) before the
 * plain one.
 */
public final class AttachmentNames {

	private AttachmentNames() {
	}

	/** The part's file name, decoded; empty when it has none. */
	public static Optional<String> of(Part part) throws MessagingException {
		String name = name(header(part, "Content-Disposition"), "filename");
		if (name == null) {
			name = name(header(part, "Content-Type"), "name");
		}
		return Optional.ofNullable(name).map(String::strip).filter(n -> !n.isEmpty());
	}

	/** Whether the part says it is an attachment (not shown inline). */
	public static boolean isAttachment(Part part) throws MessagingException {
		String disposition = header(part, "Content-Disposition");
		return disposition != null && disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
	}

	/** The value of parameter {@code key} of a header such as Content-Disposition. */
	static String name(String header, String key) {
		if (header == null) {
			return null;
		}
		Map<String, String> parameters = parameters(header);
		String extended = parameters.get(key + "*");
		if (extended != null) {
			return MailText.extendedValue(extended);
		}
		if (parameters.containsKey(key + "*0*") || parameters.containsKey(key + "*0")) {
			return continued(parameters, key);
		}
		String plain = parameters.get(key);
		return plain == null ? null : MailText.headerValue(plain);
	}

	/**
	 * RFC 2231 continuations: key*0*=charset''%XX, key*1*=%XX or key*1=text, … joined as
	 * bytes, then decoded with the first segment's charset.
	 */
	private static String continued(Map<String, String> parameters, String key) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Charset charset = null;
		for (int i = 0;; i++) {
			String encoded = parameters.get(key + "*" + i + "*");
			String plain = parameters.get(key + "*" + i);
			if (encoded == null && plain == null) {
				break;
			}
			if (encoded != null) {
				if (i == 0) {
					int first = encoded.indexOf('\'');
					int second = first < 0 ? -1 : encoded.indexOf('\'', first + 1);
					if (second >= 0) {
						charset = MailText.charset(encoded.substring(0, first));
						encoded = encoded.substring(second + 1);
					}
				}
				bytes.writeBytes(MailText.percentDecoded(encoded));
			}
			else {
				bytes.writeBytes(plain.getBytes(StandardCharsets.ISO_8859_1));
			}
		}
		return charset == null ? MailText.undeclared(bytes.toByteArray()) : new String(bytes.toByteArray(), charset);
	}

	/**
	 * The parameters after the first ';', names lower-cased; values unquoted. Lenient as
	 * clients need: an unquoted value runs to the next ';' and may hold spaces.
	 */
	static Map<String, String> parameters(String header) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String text = MimeUtility.unfold(header);
		int at = text.indexOf(';');
		while (at >= 0 && at < text.length()) {
			int equals = text.indexOf('=', at + 1);
			if (equals < 0) {
				break;
			}
			String name = text.substring(at + 1, equals).strip().toLowerCase(Locale.ROOT);
			int start = equals + 1;
			while (start < text.length() && text.charAt(start) == ' ') {
				start++;
			}
			StringBuilder value = new StringBuilder();
			int end;
			if (start < text.length() && text.charAt(start) == '"') {
				end = start + 1;
				while (end < text.length() && text.charAt(end) != '"') {
					// Only \" and \\ are escapes: Outlook quotes C:\Users\… without
					// doubling
					// the backslashes, and that path must stay visible to be refused.
					if (text.charAt(end) == '\\' && end + 1 < text.length()
							&& (text.charAt(end + 1) == '"' || text.charAt(end + 1) == '\\')) {
						end++;
					}
					value.append(text.charAt(end));
					end++;
				}
				end = text.indexOf(';', end);
			}
			else {
				end = text.indexOf(';', start);
				value.append(text, start, end < 0 ? text.length() : end);
			}
			parameters.putIfAbsent(name, value.toString().strip());
			at = end;
		}
		return parameters;
	}

	private static String header(Part part, String name) throws MessagingException {
		String[] values = part.getHeader(name);
		return values == null || values.length == 0 ? null : values[0];
	}

}
