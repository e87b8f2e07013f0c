package org.tally.answer.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.tally.answer.AnsweredFile;
import org.tally.answer.DepartmentRejects;
import org.tally.answer.FileSenders;
import org.tally.answer.MarkedCopies;
import org.tally.answer.MarkedCopy;
import org.tally.answer.RejectsReport;
import org.tally.answer.RejectsWorkbook;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.FileRecord;

/**
 * After each run, writes to every department whose files were quarantined, rejected or
 * loaded with rejected rows (and, when it asked, to one whose files loaded cleanly): one
 * mail with its own files and rows only. Each mail is recorded before it is sent; one
 * that cannot be sent stays recorded as failed, is logged, and is sent again after the
 * next run. Answering never fails the run: its outcome is already decided.
 */
public final class DepartmentAnswers implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(DepartmentAnswers.class);

	private final AnswerProperties properties;

	private final DepartmentRejects rejects;

	private final MarkedCopies markedCopies;

	private final MailLog mails;

	private final Catalog catalog;

	private final ObjectProvider<FileSenders> senders;

	public DepartmentAnswers(AnswerProperties properties, DepartmentRejects rejects, MarkedCopies markedCopies,
			MailLog mails, Catalog catalog, ObjectProvider<FileSenders> senders) {
		this.properties = properties;
		this.rejects = rejects;
		this.markedCopies = markedCopies;
		this.mails = mails;
		this.catalog = catalog;
		this.senders = senders;
	}

	/*
	 * Synchronous, like the operators' notifications: `tally run` closes the application
	 * right after the job. A failure here is recorded on the mail and logged with its
	 * exception, and the run ends as it would have: the departments' mail is a separate
	 * duty from the figures.
	 */
	@Override
	public void afterJob(JobExecution execution) {
		if (!properties.mail().configured()) {
			return;
		}
		long runId = execution.getJobInstance().getInstanceId();
		try {
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				record(runId);
			}
			sendQueued(new SmtpMail(properties.mail()));
		}
		catch (RuntimeException ex) {
			log.warn("run={} departments not answered: {}; the mails recorded are sent after the next run", runId,
					ex.toString(), ex);
		}
	}

	/** Records the run's mails, one per department with something to tell. */
	void record(long runId) {
		Map<String, List<AnsweredFile>> byDepartment = new LinkedHashMap<>();
		rejects.of(runId)
			.files()
			.forEach(f -> byDepartment.computeIfAbsent(f.file().department(), d -> new ArrayList<>()).add(f));
		byDepartment.forEach((department, files) -> {
			if (mails.answered(runId, department)) {
				return; // a restarted run ends once more
			}
			Set<Long> news = new HashSet<>();
			files.stream()
				.filter(f -> f.needsFixing() && !mails.told(department, f.file()))
				.forEach(f -> news.add(f.file().loadId()));
			boolean receipt = files.stream().anyMatch(f -> f.loadedCleanly() && receiptWanted(f));
			if (news.isEmpty() && !receipt) {
				return;
			}
			// the files to fix, with the clean loads of the run beside them
			List<AnsweredFile> answered = files.stream()
				.filter(f -> news.contains(f.file().loadId()) || f.loadedCleanly())
				.toList();
			List<FileRecord> told = answered.stream().map(AnsweredFile::file).toList();
			RejectsReport report = new RejectsReport(runId, department, answered);
			List<String> to = recipients(department, told);
			String subject = MailText.subject(report, files.get(0).departmentName());
			mails.record(runId, department, MailText.kind(report), to, subject,
					to.isEmpty() ? "unaddressed" : "pending", told);
			if (to.isEmpty()) {
				log.warn(
						"run={} department={} not answered: no answer.contacts in its sources and no sender known for {}",
						runId, department, told.stream().map(FileRecord::filePath).toList());
			}
		});
	}

	/** Sends the recorded mails not sent yet, this run's and earlier runs' failures. */
	void sendQueued(SmtpMail smtp) {
		String unreachable = null;
		for (MailLog.Entry entry : mails.toSend()) {
			var mail = entry.mail();
			if (unreachable != null) {
				// one unreachable server must not cost a timeout per department
				mails.notTried(mail.id(), "not tried: " + unreachable);
				continue;
			}
			try {
				RejectsReport report = rejects.of(mail.runId(), mail.department(), entry.loadIds());
				String name = report.files().isEmpty() ? mail.department() : report.files().get(0).departmentName();
				List<SmtpMail.Attachment> attachments = new ArrayList<>();
				List<MarkedCopy> marked = List.of();
				if (MailText.REJECTS.equals(mail.kind())) {
					ByteArrayOutputStream workbook = new ByteArrayOutputStream();
					RejectsWorkbook.write(report, workbook);
					attachments
						.add(new SmtpMail.Attachment(MailText.workbookName(report, name), workbook.toByteArray()));
					marked = markedCopies.of(report);
					marked.stream()
						.filter(MarkedCopy::available)
						.forEach(m -> attachments.add(new SmtpMail.Attachment(m.fileName(), m.content())));
				}
				smtp.send(mail.recipients(), mail.subject(), MailText.body(report, name, marked), attachments);
				mails.sent(mail.id());
				log.info("run={} department={} answered: mailed to {} about {}", mail.runId(), mail.department(),
						mail.recipients(), mail.files());
			}
			catch (IOException | RuntimeException ex) {
				mails.failed(mail.id(), ex.toString());
				log.warn("run={} department={} mail to {} failed (attempt {}), sent again after the next run: {}",
						mail.runId(), mail.department(), mail.recipients(), mail.attempts() + 1, ex.toString(), ex);
				if (unreachable(ex)) {
					unreachable = ex.toString();
				}
			}
		}
	}

	private boolean receiptWanted(AnsweredFile file) {
		return catalog.source(file.file().sourceId()).map(s -> s.answer().receipt()).orElse(false);
	}

	/**
	 * The department's contacts, from all its sources; without any, whoever sent its
	 * files in.
	 */
	private List<String> recipients(String department, List<FileRecord> files) {
		Set<String> to = new LinkedHashSet<>();
		catalog.sources()
			.stream()
			.filter(s -> s.department().equals(department))
			.map(SourceDefinition::answer)
			.forEach(a -> to.addAll(a.contacts()));
		if (to.isEmpty()) {
			senders.orderedStream()
				.forEach(s -> files.forEach(f -> s.senderOf(f).filter(a -> !a.isBlank()).ifPresent(to::add)));
		}
		return List.copyOf(to);
	}

	private static boolean unreachable(Throwable ex) {
		for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
			if (c instanceof ConnectException || c instanceof SocketTimeoutException
					|| c instanceof UnknownHostException) {
				return true;
			}
		}
		return false;
	}

}
