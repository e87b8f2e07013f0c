package org.tally.answer.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the departments' mails through the SMTP server of tally.answer.mail, which may be
 * another than the operators' (spring.mail): a government mailbox (政务邮箱) over TLS.
 */
public final class SmtpMail {

	private final AnswerProperties.Mail settings;

	private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

	public SmtpMail(AnswerProperties.Mail settings) {
		this.settings = settings;
		sender.setHost(settings.host());
		sender.setPort(settings.port());
		sender.setDefaultEncoding("UTF-8");
		Properties javaMail = new Properties();
		String timeout = String.valueOf(settings.timeout().toMillis());
		String protocol = settings.tls() == AnswerProperties.Tls.SSL ? "smtps" : "smtp";
		sender.setProtocol(protocol);
		javaMail.put("mail." + protocol + ".connectiontimeout", timeout);
		javaMail.put("mail." + protocol + ".timeout", timeout);
		javaMail.put("mail." + protocol + ".writetimeout", timeout);
		if (settings.tls() == AnswerProperties.Tls.STARTTLS) {
			javaMail.put("mail.smtp.starttls.enable", "true");
			javaMail.put("mail.smtp.starttls.required", "true");
		}
		if (settings.tls() != AnswerProperties.Tls.NONE) {
			javaMail.put("mail." + protocol + ".ssl.checkserveridentity", "true");
		}
		if (settings.user() != null && !settings.user().isBlank()) {
			sender.setUsername(settings.user());
			sender.setPassword(settings.password());
			javaMail.put("mail." + protocol + ".auth", "true");
		}
		sender.setJavaMailProperties(javaMail);
	}

	/** A file attached to a mail. */
	public record Attachment(String name, byte[] content) {

		/** By the name's extension: the attachments are workbooks. */
		String contentType() {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".xls")) {
				return "application/vnd.ms-excel";
			}
			if (lower.endsWith(".xlsm")) {
				return "application/vnd.ms-excel.sheet.macroEnabled.12";
			}
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		}

	}

	/**
	 * An attachment whose Chinese name every mail client reads: RFC 2231 in the
	 * disposition (the standard), RFC 2047 in the type's name (what older Outlook and
	 * Foxmail read), each whole: Jakarta Mail would split a long encoded word into RFC
	 * 2231 continuations, which no client decodes.
	 */
	static MimeBodyPart part(Attachment attachment) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
		try {
			part.setHeader("Content-Type", attachment.contentType() + "; name=\""
					+ MimeUtility.encodeText(attachment.name(), "UTF-8", "B").replaceAll("\\s+", " ") + "\"");
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
		part.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + rfc2231(attachment.name()));
		part.setHeader("Content-Transfer-Encoding", "base64");
		return part;
	}

	/** RFC 2231's percent-encoding of a parameter value's UTF-8 bytes. */
	static String rfc2231(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return encoded.toString();
	}

	/** Sends one mail; throws Spring's MailException when the server does not take it. */
	public void send(List<String> to, String subject, String body, List<Attachment> attachments) {
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
			helper.setFrom(settings.from());
			if (settings.replyTo() != null && !settings.replyTo().isBlank()) {
				helper.setReplyTo(settings.replyTo());
			}
			helper.setTo(to.toArray(String[]::new));
			helper.setSubject(subject);
			helper.setText(body, false);
			for (Attachment attachment : attachments) {
				helper.getRootMimeMultipart().addBodyPart(part(attachment));
			}
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("cannot build the mail '" + subject + "': " + ex.getMessage(), ex);
		}
		sender.send(message);
	}

}
