package org.tally.answer;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tally.answer.internal.MailLog;

/** The mails departments were sent, or are still to be sent, for the console. */
@Component
public class DepartmentMails {

	private final MailLog mails;

	DepartmentMails(MailLog mails) {
		this.mails = mails;
	}

	/** The mails about a run's files, in the order they were recorded. */
	public List<DepartmentMail> ofRun(long runId) {
		return mails.ofRun(runId);
	}

	/** Every mail not sent yet, whichever run it is about: sent after the next run. */
	public List<DepartmentMail> unsent() {
		return mails.unsent();
	}

}
