package org.tally.operate.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.springframework.context.event.EventListener;
import org.tally.backup.BackupFailed;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/**
 * After each run, tells the configured webhooks and mail recipients of a failed run, a
 * quarantined file or a figure that lost its verification. Notification is best-effort by
 * design: a webhook that is down or a mail server that refuses is logged with the run id
 * and never fails the run, whose outcome is already decided and recorded.
 */
final class RunNotifier implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunNotifier.class);

	/** Short: the run's end is recorded only after its listeners return. */
	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final NotifyProperties properties;

	private final RunEvents events;

	private final ObjectProvider<JavaMailSender> mail;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final JsonMapper json = JsonMapper.builder().build();

	RunNotifier(NotifyProperties properties, RunEvents events, ObjectProvider<JavaMailSender> mail) {
		this.properties = properties;
		this.events = events;
		this.mail = mail;
	}

	/*
	 * Synchronous on purpose: `tally run` closes the application right after the job, and
	 * a post handed to a background thread would be lost with it. Every failure below is
	 * caught and logged, not rethrown: notification is best-effort and must not turn a
	 * finished run into a failed one.
	 */
	@Override
	public void afterJob(JobExecution execution) {
		if (!properties.any()) {
			return;
		}
		long runId = execution.getJobInstance().getInstanceId();
		List<RunEvent> found;
		try {
			found = events.of(execution);
		}
		catch (RuntimeException ex) {
			log.warn("run={} notification skipped: its events could not be read: {}", runId, ex.toString());
			return;
		}
		if (found.isEmpty()) {
			return;
		}
		send(runId, found);
	}

	/**
	 * A scheduled backup failed: told like a failed run, so that nobody learns of it on
	 * the day the backup is needed.
	 */
	@EventListener
	void backupFailed(BackupFailed failed) {
		if (properties.any()) {
			send(0, List.of(events.backupFailed(failed)));
		}
	}

	private void send(long runId, List<RunEvent> found) {
		for (String webhook : properties.webhooks()) {
			for (int i = 0; i < found.size(); i++) {
				if (!post(webhook, found.get(i))) {
					// unreachable: fifty quarantined files must not cost fifty timeouts
					// at the run's end
					if (i + 1 < found.size()) {
						log.warn("run={} webhook {} unreachable: its {} further notifications were not sent", runId,
								webhook, found.size() - i - 1);
					}
					break;
				}
			}
		}
		if (!properties.mail().to().isEmpty()) {
			mail(runId, found);
		}
	}

	/** Whether the webhook could be reached (whatever it answered). */
	private boolean post(String webhook, RunEvent event) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(webhook))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(event))))
				.build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				log.warn("run={} webhook {} answered {} to the {} notification", event.runId(), webhook,
						response.statusCode(), event.type().json());
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.warn("run={} webhook {} interrupted: the {} notification was not sent", event.runId(), webhook,
					event.type().json());
			return false;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("run={} webhook {} failed: the {} notification was not sent: {}", event.runId(), webhook,
					event.type().json(), ex.toString());
			return false;
		}
	}

	static Map<String, Object> body(RunEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", event.type().json());
		body.put("runId", event.runId());
		body.put("message", event.message());
		body.put("link", event.link());
		body.put("occurredAt", event.occurredAt().toString());
		return body;
	}

	/**
	 * One mail per run, whatever the number of its events, so a bad night is one mail,
	 * not fifty.
	 */
	private void mail(long runId, List<RunEvent> found) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.warn("run={} {} mail recipients configured but no mail server (spring.mail.host): not mailed", runId,
					properties.mail().to().size());
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.mail().from());
		message.setTo(properties.mail().to().toArray(String[]::new));
		message.setSubject("[tally] " + (runId == 0 ? "" : "run " + runId + ": ")
				+ found.stream()
					.collect(Collectors.groupingBy(e -> e.type().json(), TreeMap::new, Collectors.counting()))
					.entrySet()
					.stream()
					.map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
					.collect(Collectors.joining(", ")));
		message.setText((runId == 0 ? "" : "Run " + runId + ": ") + found.get(0).link() + "\n\n"
				+ found.stream().map(e -> "- " + e.type().json() + ": " + e.message()).collect(Collectors.joining("\n"))
				+ "\n");
		try {
			sender.send(message);
		}
		catch (RuntimeException ex) {
			log.warn("run={} mail to {} failed: not mailed: {}", runId, properties.mail().to(), ex.toString());
		}
	}

}
