package org.tally.mailbox;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.IngestProperties;
import org.tally.mailbox.MailGatherSummary.MessageOutcome;
import org.tally.mailbox.MailGatherSummary.Outcome;
import org.tally.mailbox.internal.FileOutcome;
import org.tally.mailbox.internal.ImapMailbox;
import org.tally.mailbox.internal.InboxFiles;
import org.tally.mailbox.internal.MailText;
import org.tally.mailbox.internal.MessageFiles;
import org.tally.mailbox.internal.MessageParts;
import org.tally.mailbox.internal.Senders;

/**
 * Gathers the reporting mailboxes into the inbox: for each message not yet marked done,
 * from a sender a source allows, its spreadsheets are written into the inbox folders,
 * registered, and only then is the message marked done on the server. A gather killed in
 * between is repaired by the next one (by Message-ID and SHA-256: nothing is written or
 * registered twice). A sender no source allows is left alone, recorded as ignored. A
 * message too large, or whose attachments are all refused, is marked done with the reason
 * recorded: the department sends it again, corrected.
 */
@Component
public class MailboxGatherer {

	private static final Logger log = LoggerFactory.getLogger(MailboxGatherer.class);

	/** The moments between writing a message's files and marking it done. */
	enum Moment {

		WRITTEN, REGISTERED

	}

	/** Called at each {@link Moment}; what a test kills the gather with. */
	@FunctionalInterface
	interface Checkpoint {

		void reached(Moment moment, String messageId);

	}

	private final Catalog catalog;

	private final MailProperties properties;

	private final MailRegistry registry;

	private final InboxFiles inbox;

	private final MessageParts parts = new MessageParts();

	private final Checkpoint checkpoint;

	@Autowired
	MailboxGatherer(Catalog catalog, MailProperties properties, IngestProperties ingest, MailRegistry registry) {
		this(catalog, properties, ingest, registry, (moment, messageId) -> {
		});
	}

	MailboxGatherer(Catalog catalog, MailProperties properties, IngestProperties ingest, MailRegistry registry,
			Checkpoint checkpoint) {
		this.catalog = catalog;
		this.properties = properties;
		this.registry = registry;
		this.inbox = new InboxFiles(ingest.inbox());
		this.checkpoint = checkpoint;
		checkConfiguration();
	}

	/** Whether any source takes mail: otherwise a gather connects to nothing. */
	public boolean configured() {
		return catalog.sources().stream().anyMatch(s -> s.mail() != null);
	}

	/**
	 * Gathers every mailbox a source names; {@code runId} is the run it is part of, null
	 * for `tally gather`.
	 */
	public MailGatherSummary gather(Long runId) {
		List<MessageOutcome> outcomes = new ArrayList<>();
		for (Map.Entry<String, MailProperties.Mailbox> mailbox : new TreeMap<>(properties.mailboxes()).entrySet()) {
			Senders senders = new Senders(catalog, mailbox.getKey());
			if (!senders.isEmpty()) {
				outcomes.addAll(gather(runId, mailbox.getKey(), mailbox.getValue(), senders));
			}
		}
		return new MailGatherSummary(outcomes);
	}

	private List<MessageOutcome> gather(Long runId, String name, MailProperties.Mailbox config, Senders senders) {
		sweepTemporaries();
		List<MessageOutcome> outcomes = new ArrayList<>();
		try (ImapMailbox mailbox = ImapMailbox.open(name, config)) {
			for (Message message : mailbox.pending()) {
				outcomes.add(message(runId, name, mailbox, message, senders));
			}
		}
		log.info("mailbox={} messages={} gathered={} ignored={} refused={}", name, outcomes.size(),
				outcomes.stream().filter(o -> o.outcome() == Outcome.GATHERED).count(),
				outcomes.stream().filter(o -> o.outcome() == Outcome.IGNORED).count(),
				outcomes.stream().filter(o -> o.outcome() == Outcome.REFUSED).count());
		return outcomes;
	}

	private MessageOutcome message(Long runId, String name, ImapMailbox mailbox, Message message, Senders senders) {
		try {
			MailRegistry.Envelope envelope = envelope(message);
			List<SourceDefinition> allowed = senders.allowing(envelope.sender());
			if (allowed.isEmpty()) {
				if (registry.ignored(name, envelope)) {
					log.warn("mailbox={} message={} from={} ignored, left in the mailbox: {}", name,
							envelope.messageId(), envelope.sender(), MailRegistry.SENDER_NOT_ALLOWED);
				}
				return outcome(name, envelope, Outcome.IGNORED, MailRegistry.SENDER_NOT_ALLOWED, List.of());
			}
			long max = properties.limits().maxMessageBytes();
			byte[] raw = mailbox.size(message) > max ? null : mailbox.bytes(message, max);
			if (raw == null) {
				return finish(runId, name, mailbox, message, envelope, allowed, List.of(), "the message is larger than "
						+ max + " bytes: refused unread; ask the department to send the sheets in smaller messages");
			}
			List<MessageParts.Named> named;
			try {
				named = parts.named(parts.parse(raw));
			}
			catch (MessagingException | IOException ex) {
				// the sender's message is broken, not our inbox: refused, the run goes on
				return finish(runId, name, mailbox, message, envelope, allowed, List.of(),
						"the message cannot be read as MIME: " + ex.getMessage());
			}
			List<FileOutcome> files = new MessageFiles(inbox, properties.limits(), registry::inboxPathOf).take(named,
					allowed);
			return finish(runId, name, mailbox, message, envelope, allowed, files,
					files.stream().anyMatch(FileOutcome::inInbox) ? null
							: files.isEmpty() ? "no spreadsheet attached" : "none of its attachments could be taken");
		}
		catch (MessagingException ex) {
			throw new MailboxException(
					"mailbox " + name + ": cannot read message " + message.getMessageNumber() + ": " + ex, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("mailbox " + name + ": cannot write into the inbox: " + ex.getMessage(), ex);
		}
	}

	/** Registers the message and its files, then marks it done: in this order. */
	private MessageOutcome finish(Long runId, String name, ImapMailbox mailbox, Message message,
			MailRegistry.Envelope envelope, List<SourceDefinition> allowed, List<FileOutcome> files, String refusal) {
		boolean seenBefore = registry.status(name, envelope.messageId()).filter("gathered"::equals).isPresent();
		checkpoint.reached(Moment.WRITTEN, envelope.messageId());
		TreeSet<String> departments = new TreeSet<>();
		files.stream()
			.filter(FileOutcome::inInbox)
			.forEach(f -> catalog.source(f.sourceId()).ifPresent(s -> departments.add(s.department())));
		if (departments.isEmpty()) {
			allowed.forEach(s -> departments.add(s.department()));
		}
		long id = registry.record(name, envelope, String.join(",", departments),
				refusal == null ? "gathered" : "refused", refusal, runId, files);
		checkpoint.reached(Moment.REGISTERED, envelope.messageId());
		mailbox.markDone(message);
		registry.markedDone(id);
		List<String> inInbox = files.stream().filter(FileOutcome::inInbox).map(FileOutcome::inboxPath).toList();
		List<String> refusedFiles = files.stream()
			.filter(f -> f.status() == FileOutcome.Status.REFUSED)
			.map(f -> f.name() + ": " + f.reason())
			.toList();
		files.stream()
			.filter(f -> f.status() == FileOutcome.Status.REFUSED)
			.forEach(f -> log.warn("mailbox={} message={} file={} refused: {}", name, envelope.messageId(), f.name(),
					f.reason()));
		Outcome outcome = refusal != null ? Outcome.REFUSED
				: seenBefore && files.stream().noneMatch(FileOutcome::wrote) ? Outcome.DUPLICATE : Outcome.GATHERED;
		log.info("mailbox={} message={} from={} {}: {}", name, envelope.messageId(), envelope.sender(),
				outcome.name().toLowerCase(Locale.ROOT), refusal == null ? inInbox : refusal);
		return new MessageOutcome(name, envelope.messageId(), envelope.sender(), envelope.subject(), outcome, refusal,
				inInbox, refusedFiles);
	}

	private static MessageOutcome outcome(String mailbox, MailRegistry.Envelope envelope, Outcome outcome,
			String reason, List<String> files) {
		return new MessageOutcome(mailbox, envelope.messageId(), envelope.sender(), envelope.subject(), outcome, reason,
				files, List.of());
	}

	/**
	 * The envelope as the server parsed it; a message without a Message-ID is known by a
	 * digest of sender, date and subject.
	 */
	private static MailRegistry.Envelope envelope(Message message) throws MessagingException {
		Address[] from = message.getFrom();
		String sender = from != null && from.length > 0 && from[0] instanceof InternetAddress address
				? address.getAddress() : null;
		OffsetDateTime sent = message.getSentDate() == null ? null
				: message.getSentDate().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
		String subject = MailText.headerValue(((MimeMessage) message).getHeader("Subject", null));
		String messageId = ((MimeMessage) message).getMessageID();
		if (messageId == null) {
			messageId = "envelope:" + sha256(sender + "\n" + sent + "\n" + subject);
		}
		return new MailRegistry.Envelope(messageId.strip(), sender == null ? "(no sender)" : sender, sent, subject);
	}

	private void sweepTemporaries() {
		try {
			for (String folder : catalog.sources()
				.stream()
				.filter(s -> s.mail() != null)
				.map(SourceDefinition::inboxFolder)
				.distinct()
				.toList()) {
				inbox.sweep(folder);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot clear the inbox of abandoned temporaries: " + ex.getMessage(), ex);
		}
	}

	/** A source naming a mailbox nobody configured fails at start, like the catalog. */
	private void checkConfiguration() {
		for (SourceDefinition source : catalog.sources()) {
			if (source.mail() == null) {
				continue;
			}
			MailProperties.Mailbox mailbox = properties.mailboxes().get(source.mail().mailbox());
			if (mailbox == null) {
				throw new MailboxException("source " + source.id() + " names the mailbox '" + source.mail().mailbox()
						+ "', which is not configured under tally.mail.mailboxes (configured: "
						+ new TreeSet<>(properties.mailboxes().keySet()) + ")");
			}
			if (mailbox.host() == null || mailbox.user() == null || mailbox.password() == null) {
				throw new MailboxException("mailbox '" + source.mail().mailbox()
						+ "' needs host, user and password (tally.mail.mailboxes." + source.mail().mailbox()
						+ ".password, or the environment variable TALLY_MAIL_MAILBOXES_"
						+ source.mail().mailbox().toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD)");
			}
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
