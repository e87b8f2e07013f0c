package org.tally.mailbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tally.mailbox.internal.FileOutcome;

/**
 * The registry of mailed messages and their attachments (registry.mail_message,
 * registry.mail_attachment). Every write commits in a transaction of its own, also inside
 * a run's gather step: a message is marked done on the server only after its rows are
 * committed.
 */
@Component
public class MailRegistry {

	/** The reason an ignored message is recorded, logged and shown with. */
	static final String SENDER_NOT_ALLOWED = "sender not allowed";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	MailRegistry(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A message as the server told it: the envelope. */
	record Envelope(String messageId, String sender, OffsetDateTime sentAt, String subject) {
	}

	/** The status of a message seen before, if it was. */
	Optional<String> status(String mailbox, String messageId) {
		return jdbc.sql("SELECT status FROM registry.mail_message WHERE mailbox = ? AND message_id = ?")
			.param(mailbox)
			.param(messageId)
			.query(String.class)
			.optional();
	}

	/**
	 * A message no department allows the sender of: recorded once, seen again at each
	 * gather, never marked done. A message gathered before keeps its status. Answers
	 * whether this is the first time it is seen.
	 */
	boolean ignored(String mailbox, Envelope envelope) {
		return ownTransaction.execute(tx -> jdbc.sql("""
				INSERT INTO registry.mail_message (mailbox, message_id, sender, sent_at, subject, status, reason)
				VALUES (?, ?, ?, ?, ?, 'ignored', ?)
				ON CONFLICT (mailbox, message_id) DO UPDATE SET last_seen_at = now()
				RETURNING xmax = 0""")
			.params(mailbox, envelope.messageId(), envelope.sender(), envelope.sentAt(), envelope.subject(),
					SENDER_NOT_ALLOWED)
			.query(Boolean.class)
			.single());
	}

	/**
	 * A message and what became of its attachments, in one transaction; what was recorded
	 * by an earlier gather of the same message stays as it was. Answers the message's row
	 * id.
	 */
	long record(String mailbox, Envelope envelope, String department, String status, String reason, Long runId,
			List<FileOutcome> files) {
		return ownTransaction.execute(tx -> {
			long id = jdbc.sql("""
					INSERT INTO registry.mail_message
					  (mailbox, message_id, sender, sent_at, subject, department, status, reason, run_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (mailbox, message_id) DO UPDATE SET last_seen_at = now(),
					  department = coalesce(EXCLUDED.department, mail_message.department),
					  status = CASE WHEN mail_message.status = 'gathered' THEN 'gathered' ELSE EXCLUDED.status END,
					  reason = CASE WHEN mail_message.status = 'gathered' THEN mail_message.reason
					                ELSE EXCLUDED.reason END,
					  run_id = coalesce(mail_message.run_id, EXCLUDED.run_id)
					RETURNING id""")
				.params(mailbox, envelope.messageId(), envelope.sender(), envelope.sentAt(), envelope.subject(),
						department, status, reason, runId)
				.query(Long.class)
				.single();
			for (FileOutcome file : files) {
				jdbc.sql("""
						INSERT INTO registry.mail_attachment
						  (message, name, source_id, inbox_path, sha256, size_bytes, status, reason)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(id, file.name(), file.sourceId(), file.inboxPath(), file.sha256(), file.size(),
							file.status().sql(), file.reason())
					.update();
			}
			return id;
		});
	}

	/** The message was flagged or moved on the server. */
	void markedDone(long id) {
		ownTransaction.executeWithoutResult(
				tx -> jdbc.sql("UPDATE registry.mail_message SET done_at = now() WHERE id = ? AND done_at IS NULL")
					.param(id)
					.update());
	}

	/**
	 * Where content gathered before was written in {@code folder} of the inbox, when it
	 * was.
	 */
	Optional<String> inboxPathOf(String sha256, String folder) {
		return jdbc.sql("""
				SELECT inbox_path FROM registry.mail_attachment
				WHERE sha256 = ? AND status = 'written' ORDER BY id""")
			.param(sha256)
			.query(String.class)
			.list()
			.stream()
			.filter(path -> folder.isEmpty() ? !path.contains("/") : path.startsWith(folder + "/"))
			.findFirst();
	}

	/**
	 * The message a file with this content came in, when it came by mail: its sender is
	 * whom an answer about the file goes to.
	 */
	public Optional<MailMessageRecord> origin(String sha256) {
		return jdbc.sql("""
				SELECT m.id FROM registry.mail_message m JOIN registry.mail_attachment a ON a.message = m.id
				WHERE a.sha256 = ? AND a.status IN ('written', 'duplicate') ORDER BY m.id DESC LIMIT 1""")
			.param(sha256)
			.query(Long.class)
			.optional()
			.flatMap(id -> messages("WHERE m.id = ?", id, 1).stream().findFirst());
	}

	/** The messages seen most recently, newest first, with their attachments. */
	public List<MailMessageRecord> recent(int limit) {
		return messages("", null, limit);
	}

	private List<MailMessageRecord> messages(String where, Long id, int limit) {
		var query = jdbc.sql("""
				SELECT m.id, m.mailbox, m.message_id, m.sender, m.sent_at, m.subject, m.department, m.status, m.reason,
				       m.last_seen_at, m.done_at, a.name, a.source_id, a.inbox_path, a.sha256,
				       a.status AS file_status, a.reason AS file_reason
				FROM (SELECT * FROM registry.mail_message m %s ORDER BY m.last_seen_at DESC, m.id DESC LIMIT ?) m
				LEFT JOIN registry.mail_attachment a ON a.message = m.id
				ORDER BY m.last_seen_at DESC, m.id DESC, a.id""".formatted(where));
		if (id != null) {
			query = query.param(id);
		}
		Map<Long, MailMessageRecord> messages = new LinkedHashMap<>();
		Map<Long, List<MailMessageRecord.Attachment>> attachments = new LinkedHashMap<>();
		query.param(limit).query(rs -> {
			long messageId = rs.getLong("id");
			if (!messages.containsKey(messageId)) {
				messages.put(messageId,
						new MailMessageRecord(messageId, rs.getString("mailbox"), rs.getString("message_id"),
								rs.getString("sender"), rs.getObject("sent_at", OffsetDateTime.class),
								rs.getString("subject"), rs.getString("department"), rs.getString("status"),
								rs.getString("reason"), rs.getObject("last_seen_at", OffsetDateTime.class),
								rs.getObject("done_at", OffsetDateTime.class), List.of()));
				attachments.put(messageId, new ArrayList<>());
			}
			if (rs.getString("name") != null) {
				attachments.get(messageId)
					.add(new MailMessageRecord.Attachment(rs.getString("name"), rs.getString("source_id"),
							rs.getString("inbox_path"), rs.getString("sha256"), rs.getString("file_status"),
							rs.getString("file_reason")));
			}
		});
		return messages.values()
			.stream()
			.map(m -> new MailMessageRecord(m.id(), m.mailbox(), m.messageId(), m.sender(), m.sentAt(), m.subject(),
					m.department(), m.status(), m.reason(), m.lastSeenAt(), m.doneAt(), attachments.get(m.id())))
			.toList();
	}

}
