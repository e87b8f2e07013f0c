package org.tally.mailbox;

import java.util.List;

/**
 * What one gather took from the mailboxes: each message it looked at, and what became of
 * it.
 */
public record MailGatherSummary(List<MessageOutcome> messages) {

	public MailGatherSummary {
		messages = List.copyOf(messages);
	}

	/** What became of a message: gathered, a duplicate, ignored or refused. */
	public enum Outcome {

		GATHERED, DUPLICATE, IGNORED, REFUSED

	}

	/**
	 * One message: where it was, from whom, about what, and the inbox files it gave
	 * (written now or found there already); for an ignored or refused one, why; and each
	 * attachment refused, with why ("报表.zip: … refused as a zip bomb").
	 */
	public record MessageOutcome(String mailbox, String messageId, String sender, String subject, Outcome outcome,
			String reason, List<String> files, List<String> refusedFiles) {

		public MessageOutcome {
			files = List.copyOf(files);
			refusedFiles = List.copyOf(refusedFiles);
		}

	}

	public long count(Outcome outcome) {
		return messages.stream().filter(m -> m.outcome() == outcome).count();
	}

	/** Inbox files this gather wrote or found, across messages. */
	public int files() {
		return messages.stream().mapToInt(m -> m.files().size()).sum();
	}

	/** Whether anything was refused: a message, or a file of one. */
	public boolean anyRefused() {
		return messages.stream().anyMatch(m -> m.outcome() == Outcome.REFUSED || !m.refusedFiles().isEmpty());
	}

}
