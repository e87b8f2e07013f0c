package org.tally.mailbox.internal;

/**
 * What became of one attachment or zip entry: written into a source's inbox folder (or
 * found there already), a duplicate of content gathered before, refused or skipped, with
 * the reason.
 */
public record FileOutcome(String name, String sourceId, String inboxPath, String sha256, Long size, Status status,
		String reason, boolean wrote) {

	/** As registry.mail_attachment.status has it. */
	public enum Status {

		WRITTEN, DUPLICATE, REFUSED, SKIPPED;

		public String sql() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	static FileOutcome refused(String name, String reason) {
		return new FileOutcome(name, null, null, null, null, Status.REFUSED, reason, false);
	}

	static FileOutcome skipped(String name, String reason) {
		return new FileOutcome(name, null, null, null, null, Status.SKIPPED, reason, false);
	}

	/** Whether the file is in the inbox for a run to read (new or there before). */
	public boolean inInbox() {
		return status == Status.WRITTEN || status == Status.DUPLICATE;
	}

}
