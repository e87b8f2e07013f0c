package org.tally.mailbox;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A message as the console lists it: who sent it when and about what, what became of it
 * ("ignored: sender not allowed", refused with the reason) and of each attachment.
 */
public record MailMessageRecord(long id, String mailbox, String messageId, String sender, OffsetDateTime sentAt,
		String subject, String department, String status, String reason, OffsetDateTime lastSeenAt,
		OffsetDateTime doneAt, List<Attachment> attachments) {

	public MailMessageRecord {
		attachments = List.copyOf(attachments);
	}

	/** What the console shows as the message's status: "ignored: sender not allowed". */
	public String statusText() {
		return reason == null || status.equals("gathered") ? status : status + ": " + reason;
	}

	/** An attachment or zip entry: where it went in the inbox, or why it did not. */
	public record Attachment(String name, String sourceId, String inboxPath, String sha256, String status,
			String reason) {
	}

}
