package org.tally.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.tally.ingest.FileDigests;
import org.tally.ingest.InboxPlacement;

/**
 * Writes mailed files into the inbox durably and never twice: each is written under a
 * dot-name the inbox gatherer skips, forced to disk, then linked under its real name (a
 * link, unlike a rename, never replaces a file) and the folder forced too. A name taken
 * by other content gets "(2)", "(3)", …; a name holding the same content is that file
 * already, written by a gather that crashed before it could mark its message done.
 */
public final class InboxFiles {

	private static final String TEMPORARY_PREFIX = ".tally-mail-";

	private static final int MAX_SUFFIX = 100;

	/**
	 * How old a temporary must be before a gather removes it: one still being written by
	 * a concurrent `tally gather` is younger.
	 */
	private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

	private final Path inbox;

	public InboxFiles(Path inbox) {
		this.inbox = inbox.toAbsolutePath().normalize();
	}

	/** Content written and forced to disk, not yet under its name. */
	public record Staged(Path temporary, String sha256, long size) {
	}

	/** Where a file is in the inbox (relative path) and whether this gather wrote it. */
	public record Placed(String inboxPath, boolean written) {
	}

	/**
	 * Writes {@code content} beside where it will go, forced to disk, with its SHA-256.
	 */
	public Staged stage(String folder, InputStream content) throws IOException {
		Path directory = directory(folder);
		Files.createDirectories(directory);
		Path temporary = directory.resolve(TEMPORARY_PREFIX + UUID.randomUUID() + ".part");
		MessageDigest digest = sha256();
		long size;
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE)) {
			OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
			size = content.transferTo(out);
			out.flush();
			channel.force(true);
		}
		catch (IOException ex) {
			Files.deleteIfExists(temporary);
			throw ex;
		}
		return new Staged(temporary, HexFormat.of().formatHex(digest.digest()), size);
	}

	/**
	 * Gives the staged content its name in {@code folder}: {@code name}, or the first
	 * "(n)" variant that is free or holds this content already.
	 */
	public Placed place(Staged staged, String folder, String name) throws IOException {
		Path directory = directory(folder);
		try {
			for (int n = 1; n <= MAX_SUFFIX; n++) {
				String candidate = n == 1 ? name : numbered(name, n);
				Path target = directory.resolve(candidate);
				if (!target.normalize().startsWith(directory) || !target.getParent().equals(directory)) {
					throw new IOException("'" + candidate + "' would leave " + directory);
				}
				if (Files.exists(target)) {
					if (Files.isRegularFile(target) && FileDigests.sha256(target).equals(staged.sha256())) {
						return new Placed(relative(target), false);
					}
					continue;
				}
				try {
					InboxPlacement.placeNew(staged.temporary(), target);
				}
				catch (FileAlreadyExistsException ex) {
					// taken between the check and the link: try the next name
					continue;
				}
				forceDirectory(directory);
				return new Placed(relative(target), true);
			}
			throw new IOException("'" + name + "' and " + MAX_SUFFIX + " numbered variants are taken in " + directory);
		}
		finally {
			Files.deleteIfExists(staged.temporary());
		}
	}

	/** Drops staged content that will not be placed. */
	public void discard(Staged staged) throws IOException {
		Files.deleteIfExists(staged.temporary());
	}

	/** Whether the inbox file at {@code inboxPath} still holds {@code sha256}. */
	public boolean holds(String inboxPath, String sha256) throws IOException {
		Path file = inbox.resolve(inboxPath).normalize();
		return file.startsWith(inbox) && Files.isRegularFile(file) && FileDigests.sha256(file).equals(sha256);
	}

	/** Removes temporaries a gather killed mid-write left behind in {@code folder}. */
	public void sweep(String folder) throws IOException {
		Path directory = directory(folder);
		if (!Files.isDirectory(directory)) {
			return;
		}
		FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith(TEMPORARY_PREFIX)).toList()) {
				if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	private Path directory(String folder) throws IOException {
		Path directory = (folder.isEmpty() ? inbox : inbox.resolve(folder)).normalize();
		if (!directory.startsWith(inbox)) {
			throw new IOException("the folder '" + folder + "' is outside the inbox " + inbox);
		}
		return directory;
	}

	private String relative(Path target) {
		return inbox.relativize(target).toString();
	}

	static String numbered(String name, int n) {
		int dot = name.lastIndexOf('.');
		return dot <= 0 ? name + "(" + n + ")" : name.substring(0, dot) + "(" + n + ")" + name.substring(dot);
	}

	/**
	 * Forces the folder's entry for the new name to disk, as POSIX file systems need for
	 * a name to survive a power cut. Windows cannot open a folder; there NTFS journals
	 * the name itself.
	 */
	private static void forceDirectory(Path directory) throws IOException {
		FileChannel channel;
		try {
			channel = FileChannel.open(directory, StandardOpenOption.READ);
		}
		catch (FileSystemException ex) {
			return;
		}
		try (channel) {
			channel.force(true);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
