package org.tally.mailbox.internal;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.tally.mailbox.MailProperties;
import org.tally.mailbox.MailboxException;

/**
 * One reporting mailbox, open over IMAPS: its messages not yet marked done, their bytes,
 * and the done mark. The server's certificate is checked against the JDK's CAs, or the
 * configured trust store (a government CA the JDK does not ship), and must name the host.
 * Nothing here sets \Seen: bodies are fetched with PEEK, so a person reading the mailbox
 * sees what is new to them.
 */
public final class ImapMailbox implements AutoCloseable {

	private final String name;

	private final MailProperties.Mailbox config;

	private final Store store;

	private final IMAPFolder folder;

	private final Flags doneFlag;

	private ImapMailbox(String name, MailProperties.Mailbox config, Store store, IMAPFolder folder) {
		this.name = name;
		this.config = config;
		this.store = store;
		this.folder = folder;
		this.doneFlag = flags(config.doneFlag());
	}

	/** Connects and opens the folder read-write; fails with where and why. */
	public static ImapMailbox open(String name, MailProperties.Mailbox config) {
		Store store = null;
		try {
			Session session = Session.getInstance(properties(config));
			store = session.getStore("imaps");
			store.connect(config.host(), config.port(), config.user(), config.password());
			Folder folder = store.getFolder(config.folder());
			if (!folder.exists()) {
				throw new MailboxException("mailbox " + name + " (" + config.where() + "): the folder '"
						+ config.folder() + "' does not exist");
			}
			folder.open(Folder.READ_WRITE);
			ImapMailbox mailbox = new ImapMailbox(name, config, store, (IMAPFolder) folder);
			mailbox.checkDoneMark();
			return mailbox;
		}
		catch (MessagingException | RuntimeException ex) {
			closeQuietly(store);
			if (ex instanceof MailboxException refused) {
				throw refused;
			}
			throw new MailboxException("mailbox " + name + " (" + config.where() + ") cannot be read: " + ex, ex);
		}
	}

	/** Messages in the folder neither deleted nor marked done, oldest first. */
	public List<Message> pending() {
		try {
			Message[] messages = folder.getMessages();
			FetchProfile profile = new FetchProfile();
			profile.add(FetchProfile.Item.ENVELOPE);
			profile.add(FetchProfile.Item.FLAGS);
			profile.add(FetchProfile.Item.SIZE);
			// the raw header, decoded here: the envelope's subject is decoded with gb2312
			// as the narrow GB 2312
			profile.add("Subject");
			folder.fetch(messages, profile);
			return Arrays.stream(messages).filter(this::pending).toList();
		}
		catch (MessagingException ex) {
			throw failure("cannot list the messages", ex);
		}
	}

	private boolean pending(Message message) {
		try {
			Flags flags = message.getFlags();
			return !flags.contains(Flags.Flag.DELETED) && (config.doneFolder() != null || !flags.contains(doneFlag));
		}
		catch (MessagingException ex) {
			throw failure("cannot read the flags of message " + message.getMessageNumber(), ex);
		}
	}

	/** The message's size as the server gives it, without fetching it. */
	public long size(Message message) throws MessagingException {
		return ((IMAPMessage) message).getSizeLong();
	}

	/** The message as sent, at most {@code maxBytes} (then null). */
	public byte[] bytes(Message message, long maxBytes) throws MessagingException, IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (InputStream in = ((IMAPMessage) message).getMimeStream()) {
			byte[] buffer = new byte[65536];
			for (int n; (n = in.read(buffer)) >= 0;) {
				out.write(buffer, 0, n);
				if (out.size() > maxBytes) {
					return null;
				}
			}
		}
		return out.toByteArray();
	}

	/** Flags the message done, or moves it into the done folder. */
	public void markDone(Message message) {
		try {
			if (config.doneFolder() == null) {
				message.setFlags(doneFlag, true);
				return;
			}
			Folder done = store.getFolder(config.doneFolder());
			if (!done.exists() && !done.create(Folder.HOLDS_MESSAGES)) {
				throw new MailboxException(
						"mailbox " + name + ": cannot create the done folder '" + config.doneFolder() + "'");
			}
			IMAPStore imap = (IMAPStore) store;
			if (imap.hasCapability("MOVE")) {
				folder.moveMessages(new Message[] { message }, done);
			}
			else if (imap.hasCapability("UIDPLUS")) {
				folder.copyMessages(new Message[] { message }, done);
				message.setFlag(Flags.Flag.DELETED, true);
				folder.expunge(new Message[] { message });
			}
			else {
				throw new MailboxException("mailbox " + name + " (" + config.host()
						+ ") can neither MOVE nor expunge one message (UIDPLUS): use doneFlag instead of doneFolder");
			}
		}
		catch (MessagingException ex) {
			throw failure("cannot mark message " + message.getMessageNumber() + " done", ex);
		}
	}

	/** A keyword the server would not keep would mark nothing: refused at once. */
	private void checkDoneMark() throws MessagingException {
		if (config.doneFolder() == null && doneFlag.getUserFlags().length > 0
				&& !folder.getPermanentFlags().contains(Flags.Flag.USER)) {
			throw new MailboxException("mailbox " + name + " (" + config.host() + ") keeps no keywords such as '"
					+ config.doneFlag() + "': set doneFlag to \\Flagged, or a doneFolder");
		}
	}

	@Override
	public void close() {
		try {
			if (folder.isOpen()) {
				folder.close(false);
			}
		}
		catch (MessagingException ex) {
			// the store's close below ends the connection whatever the folder says
		}
		closeQuietly(store);
	}

	private MailboxException failure(String what, MessagingException ex) {
		return new MailboxException("mailbox " + name + " (" + config.where() + "): " + what + ": " + ex, ex);
	}

	static Flags flags(String name) {
		return switch (name.toLowerCase(java.util.Locale.ROOT)) {
			case "\\seen" -> new Flags(Flags.Flag.SEEN);
			case "\\flagged" -> new Flags(Flags.Flag.FLAGGED);
			case "\\answered" -> new Flags(Flags.Flag.ANSWERED);
			default -> new Flags(name);
		};
	}

	private static Properties properties(MailProperties.Mailbox config) {
		Properties properties = new Properties();
		String millis = String.valueOf(config.timeout().toMillis());
		properties.put("mail.imaps.connectiontimeout", millis);
		properties.put("mail.imaps.timeout", millis);
		properties.put("mail.imaps.ssl.checkserveridentity", "true");
		properties.put("mail.imaps.peek", "true");
		properties.put("mail.imaps.fetchsize", String.valueOf(1 << 20));
		if (config.trustStore() != null) {
			properties.put("mail.imaps.ssl.socketFactory", trusting(config));
		}
		return properties;
	}

	private static javax.net.ssl.SSLSocketFactory trusting(MailProperties.Mailbox config) {
		char[] password = config.trustStorePassword() == null ? null : config.trustStorePassword().toCharArray();
		try {
			KeyStore store = KeyStore.getInstance(config.trustStore().toFile(), password);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context.getSocketFactory();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new MailboxException("the trust store " + config.trustStore() + " cannot be read: " + ex, ex);
		}
	}

	private static void closeQuietly(Store store) {
		if (store == null) {
			return;
		}
		try {
			store.close();
		}
		catch (MessagingException ex) {
			// closing a connection that failed: nothing left to do
		}
	}

}
