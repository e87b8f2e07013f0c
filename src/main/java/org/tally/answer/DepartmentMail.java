package org.tally.answer;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One mail to a department about a run's files, as recorded: to whom, when, about which
 * files, and how it went ({@code pending}, {@code sent}, {@code failed}: sent again at
 * the end of the next run, {@code unaddressed}: no contact and no sender known).
 */
public record DepartmentMail(long id, long runId, String department, String kind, List<String> recipients,
		String subject, String status, int attempts, String error, OffsetDateTime createdAt, OffsetDateTime attemptedAt,
		OffsetDateTime sentAt, List<String> files) {

	public DepartmentMail {
		recipients = List.copyOf(recipients);
		files = List.copyOf(files);
	}

	public boolean sent() {
		return "sent".equals(status);
	}

}
