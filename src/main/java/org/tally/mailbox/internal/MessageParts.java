package org.tally.mailbox.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The named parts of a message as sent, parsed here rather than on the server (whose
 * BODYSTRUCTURE some mail systems get wrong): the leaves of every multipart, and of every
 * forwarded message (message/rfc822) down to a few levels. Headers are kept one char per
 * byte, so that raw 8-bit GBK names survive to {@link AttachmentNames}.
 */
public final class MessageParts {

	private static final int MAX_DEPTH = 5;

	/** A leaf part with a file name, and whether it was marked as an attachment. */
	public record Named(String name, Part part, boolean attachment) {

		public InputStream content() throws IOException, MessagingException {
			return part.getInputStream();
		}

	}

	private final Session session;

	public MessageParts() {
		Properties properties = new Properties();
		properties.put("mail.mime.allowutf8", "false");
		this.session = Session.getInstance(properties);
	}

	public MimeMessage parse(byte[] raw) throws MessagingException {
		return new MimeMessage(session, new ByteArrayInputStream(raw));
	}

	/**
	 * The named leaves of {@code message}, in order; unnamed ones (the text) are left.
	 */
	public List<Named> named(MimeMessage message) throws MessagingException, IOException {
		List<Named> found = new ArrayList<>();
		walk(message, 0, found);
		return found;
	}

	private void walk(Part part, int depth, List<Named> found) throws MessagingException, IOException {
		if (depth > MAX_DEPTH) {
			return;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = multipart(part);
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				walk(child, depth + 1, found);
			}
			return;
		}
		if (part.isMimeType("message/rfc822")) {
			try (InputStream in = part.getInputStream()) {
				walk(new MimeMessage(session, in), depth + 1, found);
			}
			return;
		}
		Optional<String> name = AttachmentNames.of(part);
		if (name.isPresent()) {
			found.add(new Named(name.get(), part, AttachmentNames.isAttachment(part)));
		}
	}

	private Multipart multipart(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			return multipart;
		}
		return new MimeMultipart(part.getDataHandler().getDataSource());
	}

}
