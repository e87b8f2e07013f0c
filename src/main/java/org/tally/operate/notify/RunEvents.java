package org.tally.operate.notify;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.tally.backup.BackupFailed;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.figures.FigureVersion;
import org.tally.figures.PressFigures;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadRegistry;
import org.tally.ingest.LoadStatus;

/**
 * Reads what an ended run did that deserves a notification: its failure, quarantined
 * files, lost verification.
 */
final class RunEvents {

	private final LoadRegistry registry;

	private final FigurePublisher publisher;

	private final PressFigures press;

	private final String baseUrl;

	RunEvents(LoadRegistry registry, FigurePublisher publisher, PressFigures press, String baseUrl) {
		this.registry = registry;
		this.publisher = publisher;
		this.press = press;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	List<RunEvent> of(JobExecution execution) {
		long runId = execution.getJobInstance().getInstanceId();
		OffsetDateTime now = OffsetDateTime.now();
		String link = baseUrl + "/runs/" + runId;
		List<RunEvent> events = new ArrayList<>();
		if (execution.getStatus() == BatchStatus.FAILED) {
			events.add(new RunEvent(RunEvent.Type.RUN_FAILED, runId, "run " + runId + " failed: " + failure(execution),
					link, now));
		}
		for (FileRecord file : registry.files(runId)) {
			if (file.status() == LoadStatus.QUARANTINED) {
				events.add(new RunEvent(RunEvent.Type.FILE_QUARANTINED, runId,
						"run " + runId + " quarantined " + file.filePath() + ": " + file.reason(), link, now));
			}
		}
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			// a run without an as-of date publishes every current period, not only the
			// latest
			Object asOf = execution.getJobParameters().getParameter("asOf") == null ? null
					: execution.getJobParameters().getParameter("asOf").value();
			List<LocalDate> periods = asOf instanceof LocalDate date ? List.of(date) : registry.currentPeriods();
			for (LocalDate period : periods) {
				for (FigureValue figure : publisher.latest(period)) {
					if (figure.runId() == runId && !figure.verified() && previousWasVerified(figure)) {
						events.add(new RunEvent(RunEvent.Type.FIGURE_UNVERIFIED, runId,
								"run " + runId + ": figure " + figure.id() + " (" + figure.label() + ") as of "
										+ figure.asOf() + " is no longer verified: "
										+ String.join("; ", figure.reasons()),
								link, now));
					}
				}
			}
		}
		return events;
	}

	/**
	 * Compared with the version before this one for the same period; a first unverified
	 * version is no change.
	 */
	private boolean previousWasVerified(FigureValue figure) {
		List<FigureVersion> versions = press.history(figure.id(), figure.asOf());
		for (int i = versions.size() - 1; i > 0; i--) {
			if (versions.get(i).figure().version() == figure.version()) {
				return versions.get(i - 1).figure().verified();
			}
		}
		return false;
	}

	private static String failure(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			String description = execution.getExitStatus().getExitDescription();
			return description == null || description.isBlank() ? "(no cause recorded)" : firstLine(description);
		}
		Throwable cause = failures.get(0);
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + firstLine(String.valueOf(cause.getMessage()));
	}

	private static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline);
	}

	RunEvent backupFailed(BackupFailed failed) {
		return new RunEvent(RunEvent.Type.BACKUP_FAILED, 0,
				"the backup into " + failed.dir() + " failed: " + failed.reason(), baseUrl + "/runs",
				failed.occurredAt().atOffset(java.time.ZoneOffset.UTC));
	}

}
