package org.tally.mailbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reporting mailboxes that sources name in their {@code mail} block, and the limits
 * on what a message may hold ({@code tally.mail.*}, docs/operations.md).
 */
@ConfigurationProperties("tally.mail")
public record MailProperties(Map<String, Mailbox> mailboxes, @DefaultValue Limits limits) {

	public MailProperties {
		mailboxes = mailboxes == null ? Map.of() : Map.copyOf(mailboxes);
	}

	/**
	 * One IMAP mailbox, always over TLS (IMAPS). The done mark is a flag (a keyword by
	 * default, so that a person reading the mailbox does not change it), or, when
	 * {@code doneFolder} is set, a move into that folder.
	 */
	public record Mailbox(String host, @DefaultValue("993") int port, String user, String password,
			@DefaultValue("INBOX") String folder, @DefaultValue("$TallyGathered") String doneFlag, String doneFolder,
			Path trustStore, String trustStorePassword, @DefaultValue("30s") Duration timeout) {

		/** Where it is, for messages: user@host:port/folder (never the password). */
		public String where() {
			return user + "@" + host + ":" + port + "/" + folder;
		}

		@Override
		public String toString() {
			return "Mailbox[" + where() + "]";
		}

	}

	/**
	 * What a message may hold before it, or one of its attachments, is refused: its size
	 * on the server, the entries of a .zip, their total size unpacked and how much larger
	 * than the .zip that may be.
	 */
	public record Limits(@DefaultValue("52428800") long maxMessageBytes, @DefaultValue("100") int maxZipEntries,
			@DefaultValue("209715200") long maxZipBytes, @DefaultValue("100") int maxZipRatio) {
	}

}
