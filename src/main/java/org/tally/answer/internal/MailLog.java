package org.tally.answer.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tally.answer.DepartmentMail;
import org.tally.ingest.FileRecord;

/**
 * The record of the mails to departments (registry.answer_mail): each mail with its files
 * before it is sent, then whether it went.
 */
@Component
public class MailLog {

	private static final String SELECT = """
			SELECT m.id, m.run_id, m.department, m.kind, m.recipients, m.subject, m.status, m.attempts, m.error,
			       m.created_at, m.attempted_at, m.sent_at,
			       ARRAY(SELECT f.file_path FROM registry.answer_mail_file f WHERE f.mail_id = m.id ORDER BY f.load_id),
			       ARRAY(SELECT f.load_id FROM registry.answer_mail_file f WHERE f.mail_id = m.id ORDER BY f.load_id)
			FROM registry.answer_mail m
			""";

	private final JdbcClient jdbc;

	MailLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A recorded mail with the loads it is about. */
	public record Entry(DepartmentMail mail, List<Long> loadIds) {
	}

	/** Whether the run's department was answered already (a restarted run ends twice). */
	public boolean answered(long runId, String department) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry.answer_mail WHERE run_id = ? AND department = ?)")
			.params(runId, department)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether an earlier mail told the department of this content with this outcome: a
	 * rejected file left in the inbox is read again every night.
	 */
	public boolean told(String department, FileRecord file) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM registry.answer_mail_file f JOIN registry.answer_mail m ON m.id = f.mail_id
				               WHERE m.department = ? AND f.file_path = ? AND f.sha256 = ? AND f.status = ?)""")
			.params(department, file.filePath(), file.sha256(), file.status().sql())
			.query(Boolean.class)
			.single();
	}

	@Transactional
	public long record(long runId, String department, String kind, List<String> recipients, String subject,
			String status, List<FileRecord> files) {
		long id = jdbc.sql("""
				INSERT INTO registry.answer_mail (run_id, department, kind, recipients, subject, status)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(runId, department, kind, recipients.toArray(String[]::new), subject, status)
			.query(Long.class)
			.single();
		for (FileRecord file : files) {
			jdbc.sql("""
					INSERT INTO registry.answer_mail_file (mail_id, load_id, file_path, sha256, status)
					VALUES (?, ?, ?, ?, ?)""")
				.params(id, file.loadId(), file.filePath(), file.sha256(), file.status().sql())
				.update();
		}
		return id;
	}

	/** Mails still to send: new ones, and those that failed before; oldest first. */
	public List<Entry> toSend() {
		return jdbc.sql(SELECT + " WHERE m.status IN ('pending', 'failed') ORDER BY m.id").query(MailLog::entry).list();
	}

	public void sent(long id) {
		jdbc.sql("""
				UPDATE registry.answer_mail SET status = 'sent', attempts = attempts + 1, attempted_at = now(),
				       sent_at = now(), error = NULL WHERE id = ?""").param(id).update();
	}

	public void failed(long id, String error) {
		jdbc.sql("""
				UPDATE registry.answer_mail SET status = 'failed', attempts = attempts + 1, attempted_at = now(),
				       error = ? WHERE id = ?""").params(error, id).update();
	}

	/** Not tried: the server was found unreachable for an earlier mail of this pass. */
	public void notTried(long id, String error) {
		jdbc.sql("UPDATE registry.answer_mail SET status = 'failed', error = ? WHERE id = ?")
			.params(error, id)
			.update();
	}

	public List<DepartmentMail> ofRun(long runId) {
		return jdbc.sql(SELECT + " WHERE m.run_id = ? ORDER BY m.id")
			.param(runId)
			.query(MailLog::entry)
			.list()
			.stream()
			.map(Entry::mail)
			.toList();
	}

	public List<DepartmentMail> unsent() {
		return toSend().stream().map(Entry::mail).toList();
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		DepartmentMail mail = new DepartmentMail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				strings(rs.getArray(5)), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
				rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
				rs.getObject(12, OffsetDateTime.class), strings(rs.getArray(13)));
		Object[] loads = (Object[]) rs.getArray(14).getArray();
		return new Entry(mail, Arrays.stream(loads).map(l -> ((Number) l).longValue()).toList());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

}
