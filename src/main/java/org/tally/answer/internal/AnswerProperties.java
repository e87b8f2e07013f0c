package org.tally.answer.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How departments are answered after each run (tally.answer): the SMTP server the mails
 * go out through, and how large an original may be to come back marked. {@code mail.host}
 * left empty: nobody is answered.
 */
@ConfigurationProperties("tally.answer")
public record AnswerProperties(@DefaultValue Mail mail, @DefaultValue("10485760") long maxMarkedBytes) {

	/** The SMTP server, its account, and the addresses a mail carries. */
	public record Mail(String host, @DefaultValue("25") int port, @DefaultValue("starttls") Tls tls, String user,
			String password, @DefaultValue("tally@localhost") String from, String replyTo,
			@DefaultValue("30s") Duration timeout) {

		public boolean configured() {
			return host != null && !host.isBlank();
		}

	}

	/**
	 * None (plain SMTP, a relay on the same host only), STARTTLS (upgrade required on the
	 * submission port 587, usually), or SSL (implicit TLS, SMTPS on port 465).
	 */
	public enum Tls {

		NONE, STARTTLS, SSL

	}

}
