package org.tally.mailbox;

/**
 * A reporting mailbox that cannot be reached, read or marked, or is configured wrongly:
 * the message names the mailbox and what failed (never its password).
 */
public class MailboxException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MailboxException(String message) {
		super(message);
	}

	public MailboxException(String message, Throwable cause) {
		super(message, cause);
	}

}
