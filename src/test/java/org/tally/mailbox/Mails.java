package org.tally.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Messages as Chinese mail clients send them, byte for byte: the headers that name an
 * attachment are written here by hand, never by the mail library, so that the test sends
 * exactly the encoding it says.
 */
public final class Mails {

	static final Charset GBK = Charset.forName("GBK");

	private Mails() {
	}

	/** One MIME part: its own header lines and its body, already encoded. */
	record Part(String headers, String body) {
	}

	/** A message with a text part and {@code attachments}, from {@code from}. */
	static byte[] message(String from, String messageId, String subject, Part... attachments) {
		String boundary = "----=_Part_" + UUID.randomUUID();
		StringBuilder mail = new StringBuilder();
		mail.append("From: ").append(from).append("\r\n");
		mail.append("To: tjbs@changzhi.gov.cn\r\n");
		mail.append("Message-ID: ").append(messageId).append("\r\n");
		mail.append("Date: Tue, 7 Jan 2025 09:30:00 +0800\r\n");
		mail.append("Subject: =?UTF-8?B?")
			.append(Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)))
			.append("?=\r\n");
		mail.append("MIME-Version: 1.0\r\n");
		mail.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
		List<Part> parts = new java.util.ArrayList<>();
		parts.add(new Part("Content-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n",
				base64("请查收附件。".getBytes(GBK))));
		parts.addAll(List.of(attachments));
		for (Part part : parts) {
			mail.append("--").append(boundary).append("\r\n").append(part.headers()).append("\r\n");
			mail.append(part.body()).append("\r\n");
		}
		mail.append("--").append(boundary).append("--\r\n");
		return mail.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Named per RFC 2231 in UTF-8, as Thunderbird and most web mail do. */
	static Part rfc2231Utf8(String name, byte[] content) {
		String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
		return new Part("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
				+ "Content-Disposition: attachment;\r\n filename*=UTF-8''" + encoded + "\r\n", base64(content));
	}

	/**
	 * Named per RFC 2047 in GBK inside quotes, as Foxmail and Outlook on Chinese Windows
	 * do.
	 */
	static Part rfc2047Gbk(String name, byte[] content) {
		String word = "=?GBK?B?" + Base64.getEncoder().encodeToString(name.getBytes(GBK)) + "?=";
		return new Part("Content-Type: application/vnd.ms-excel;\r\n name=\"" + word + "\"\r\n"
				+ "Content-Transfer-Encoding: base64\r\n" + "Content-Disposition: attachment;\r\n filename=\"" + word
				+ "\"\r\n", base64(content));
	}

	/** Named with a plain ASCII name, as given (no encoding). */
	static Part plain(String name, byte[] content) {
		return new Part("Content-Type: application/octet-stream; name=\"" + name + "\"\r\n"
				+ "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"" + name + "\"\r\n",
				base64(content));
	}

	/** A forwarded message, attached whole (message/rfc822), as 转发 as attachment does. */
	static Part forwarded(byte[] message) {
		return new Part("Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n",
				new String(message, StandardCharsets.ISO_8859_1));
	}

	/**
	 * A .zip with its entry names in {@code encoding}, flagged as UTF-8 or not, and no
	 * Unicode extra field: as Windows' zip and WinRAR write it on a Chinese system.
	 */
	public static byte[] zip(String encoding, boolean utf8Flag, Map<String, String> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
			zip.setEncoding(encoding);
			zip.setUseLanguageEncodingFlag(utf8Flag);
			zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				zip.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeArchiveEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String base64(byte[] content) {
		return Base64.getMimeEncoder().encodeToString(content);
	}

}
