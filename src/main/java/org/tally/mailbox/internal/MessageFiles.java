package org.tally.mailbox.internal;

import jakarta.mail.MessagingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tally.catalog.SourceDefinition;
import org.tally.mailbox.MailProperties;

/**
 * Puts a message's spreadsheets into the inbox: each attachment, and each entry of a .zip
 * attachment, gets its name checked, its source chosen by the inbox patterns of the
 * sources its sender may send for, and is written durably, unless the same content was
 * gathered before and is still in the inbox. Whatever cannot be taken is refused or
 * skipped with a reason; only a failing inbox (a full disk) stops the gather.
 */
public final class MessageFiles {

	/** Content gathered before: where in the inbox it was written. */
	@FunctionalInterface
	public interface Gathered {

		Optional<String> inboxPathOf(String sha256, String folder);

	}

	private final InboxFiles inbox;

	private final MailProperties.Limits limits;

	private final Gathered gathered;

	public MessageFiles(InboxFiles inbox, MailProperties.Limits limits, Gathered gathered) {
		this.inbox = inbox;
		this.limits = limits;
		this.gathered = gathered;
	}

	public List<FileOutcome> take(List<MessageParts.Named> parts, List<SourceDefinition> allowed) throws IOException {
		List<FileOutcome> outcomes = new ArrayList<>();
		for (MessageParts.Named part : parts) {
			SafeNames.Checked checked = SafeNames.check(part.name());
			if (checked.refused()) {
				outcomes.add(FileOutcome.refused(part.name(), checked.refusal()));
				continue;
			}
			switch (checked.kind()) {
				case SPREADSHEET -> outcomes.add(spreadsheet(part, checked.name(), allowed));
				case ZIP -> outcomes.addAll(zip(part, checked.name(), allowed));
				case OTHER_ARCHIVE -> outcomes.add(FileOutcome.refused(part.name(), "a " + extension(checked.name())
						+ " archive cannot be opened: send the spreadsheets, or a .zip"));
				case OTHER -> {
					// an inline picture (a signature, a logo) is not worth a line
					if (part.attachment()) {
						outcomes.add(FileOutcome.skipped(part.name(), "not a spreadsheet ("
								+ String.join(", ", SafeNames.SPREADSHEETS) + ") or a .zip of them"));
					}
				}
			}
		}
		return outcomes;
	}

	private FileOutcome spreadsheet(MessageParts.Named part, String name, List<SourceDefinition> allowed)
			throws IOException {
		Senders.Route route = Senders.route(allowed, name);
		if (route.source() == null) {
			return FileOutcome.refused(part.name(), route.refusal());
		}
		InboxFiles.Staged staged;
		try (InputStream in = new Decoded(part.content())) {
			staged = inbox.stage(route.source().inboxFolder(), in);
		}
		catch (Undecodable | MessagingException ex) {
			return FileOutcome.refused(part.name(), "cannot be decoded from the message: " + ex.getMessage());
		}
		return place(part.name(), name, route.source(), staged);
	}

	private List<FileOutcome> zip(MessageParts.Named part, String zipName, List<SourceDefinition> allowed)
			throws IOException {
		byte[] zip;
		try (InputStream in = new Decoded(part.content())) {
			zip = in.readAllBytes();
		}
		catch (Undecodable | MessagingException ex) {
			return List.of(FileOutcome.refused(part.name(), "cannot be decoded from the message: " + ex.getMessage()));
		}
		List<FileOutcome> skipped = new ArrayList<>();
		List<Pending> pending = new ArrayList<>();
		boolean placing = false;
		try {
			ZipContents.read(zip, limits, (path, content) -> {
				String shown = part.name() + "/" + path;
				SafeNames.Checked checked = SafeNames.check(path);
				if (checked.kind() != SafeNames.Kind.SPREADSHEET) {
					skipped.add(FileOutcome.skipped(shown, checked.kind() == SafeNames.Kind.ZIP
							? "a .zip inside a .zip is not opened" : "not a spreadsheet"));
					return;
				}
				Senders.Route route = Senders.route(allowed, checked.name());
				if (route.source() == null) {
					skipped.add(FileOutcome.refused(shown, route.refusal()));
					return;
				}
				pending.add(new Pending(shown, checked.name(), route.source(),
						inbox.stage(route.source().inboxFolder(), content)));
			});
			placing = true;
		}
		catch (ZipContents.ZipRefusedException ex) {
			return List.of(FileOutcome.refused(part.name(), "'" + zipName + "' " + ex.getMessage()));
		}
		finally {
			if (!placing) {
				for (Pending p : pending) {
					inbox.discard(p.staged());
				}
			}
		}
		List<FileOutcome> outcomes = new ArrayList<>();
		for (Pending p : pending) {
			outcomes.add(place(p.shown(), p.name(), p.source(), p.staged()));
		}
		outcomes.addAll(skipped);
		return outcomes;
	}

	private FileOutcome place(String shown, String name, SourceDefinition source, InboxFiles.Staged staged)
			throws IOException {
		String folder = source.inboxFolder();
		Optional<String> before = gathered.inboxPathOf(staged.sha256(), folder);
		if (before.isPresent() && inbox.holds(before.get(), staged.sha256())) {
			inbox.discard(staged);
			return new FileOutcome(shown, source.id(), before.get(), staged.sha256(), staged.size(),
					FileOutcome.Status.DUPLICATE, "same content as inbox/" + before.get() + ", gathered before", false);
		}
		InboxFiles.Placed placed = inbox.place(staged, folder, name);
		return new FileOutcome(shown, source.id(), placed.inboxPath(), staged.sha256(), staged.size(),
				FileOutcome.Status.WRITTEN, null, placed.written());
	}

	private static String extension(String name) {
		return name.substring(name.lastIndexOf('.'));
	}

	private record Pending(String shown, String name, SourceDefinition source, InboxFiles.Staged staged) {
	}

	/** A part's content failing to decode (bad base64): the sender's fault, not ours. */
	private static final class Undecodable extends IOException {

		private static final long serialVersionUID = 1L;

		Undecodable(IOException cause) {
			super(cause.getMessage(), cause);
		}

	}

	private static final class Decoded extends FilterInputStream {

		Decoded(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (IOException ex) {
				throw new Undecodable(ex);
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (IOException ex) {
				throw new Undecodable(ex);
			}
		}

	}

}
