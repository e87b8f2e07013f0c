package org.tally.mailbox.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.tally.mailbox.MailProperties;

/**
 * The spreadsheets inside a .zip attachment, read from its central directory, untrusted:
 * too many entries, an entry that climbs out (../) or starts at a root, or more bytes
 * unpacked than the limits allow (in total, or as a multiple of the .zip's size: a zip
 * bomb) refuse the whole .zip. Entry names without the UTF-8 flag are decoded as UTF-8
 * when valid, else GB18030 (what Windows' zip and WinRAR write on a Chinese system).
 */
public final class ZipContents {

	/**
	 * Below this many unpacked bytes the ratio is not held against a .zip: small text
	 * compresses far.
	 */
	private static final long RATIO_FREE_BYTES = 1L << 20;

	/** What is done with each file entry, in the order of the central directory. */
	@FunctionalInterface
	public interface EntryReader {

		void read(String path, InputStream content) throws IOException;

	}

	/** A .zip refused as a whole, with the reason recorded for it. */
	public static final class ZipRefusedException extends Exception {

		private static final long serialVersionUID = 1L;

		public ZipRefusedException(String reason) {
			super(reason);
		}

	}

	private ZipContents() {
	}

	/**
	 * Reads every file entry of {@code zip} (except macOS and Windows clutter) into
	 * {@code reader}; the reader must drop what it kept when this throws.
	 */
	public static void read(byte[] zip, MailProperties.Limits limits, EntryReader reader)
			throws IOException, ZipRefusedException {
		List<ZipArchiveEntry> entries;
		ZipFile file;
		try {
			file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
		}
		catch (IOException ex) {
			throw new ZipRefusedException("not a readable .zip: " + ex.getMessage());
		}
		try (ZipFile open = file) {
			entries = Collections.list(open.getEntries());
			if (entries.size() > limits.maxZipEntries()) {
				throw new ZipRefusedException(
						"holds " + entries.size() + " entries; at most " + limits.maxZipEntries() + " are opened");
			}
			List<String> names = new ArrayList<>();
			for (ZipArchiveEntry entry : entries) {
				String name = name(entry);
				SafeNames.Checked checked = SafeNames.check(name);
				if (checked.refused()) {
					throw new ZipRefusedException("entry " + checked.refusal());
				}
				names.add(name);
			}
			Budget budget = new Budget(limits, zip.length);
			for (int i = 0; i < entries.size(); i++) {
				ZipArchiveEntry entry = entries.get(i);
				if (entry.isDirectory() || clutter(names.get(i))) {
					continue;
				}
				if (!open.canReadEntryData(entry)) {
					throw new ZipRefusedException("entry '" + SafeNames.shown(names.get(i))
							+ "' is encrypted or compressed in a way that cannot be read");
				}
				InputStream data;
				try {
					data = open.getInputStream(entry);
				}
				catch (IOException ex) {
					throw new ZipRefusedException(
							"entry '" + SafeNames.shown(names.get(i)) + "' cannot be unpacked: " + ex.getMessage());
				}
				try (InputStream in = new Counted(data, budget, names.get(i))) {
					reader.read(names.get(i), in);
				}
				catch (OverBudget | Corrupt ex) {
					throw new ZipRefusedException(ex.getMessage());
				}
			}
		}
	}

	/** The entry's name: as flagged (UTF-8 or Info-ZIP's Unicode field), else guessed. */
	static String name(ZipArchiveEntry entry) {
		return entry.getNameSource() == ZipArchiveEntry.NameSource.NAME ? MailText.undeclared(entry.getRawName())
				: entry.getName();
	}

	private static boolean clutter(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		String last = lower.substring(lower.lastIndexOf('/') + 1);
		return lower.startsWith("__macosx/") || last.startsWith("._") || last.equals(".ds_store")
				|| last.equals("thumbs.db") || last.equals("desktop.ini");
	}

	/** The unpacked bytes a .zip may still yield. */
	private static final class Budget {

		private final long maxBytes;

		private final long maxRatioBytes;

		private final int maxRatio;

		private long unpacked;

		Budget(MailProperties.Limits limits, long zipBytes) {
			this.maxBytes = limits.maxZipBytes();
			this.maxRatio = limits.maxZipRatio();
			this.maxRatioBytes = Math.max(RATIO_FREE_BYTES, zipBytes * limits.maxZipRatio());
		}

		void spend(long bytes) throws OverBudget {
			unpacked += bytes;
			if (unpacked > maxBytes) {
				throw new OverBudget("unpacks to more than " + maxBytes + " bytes: refused as a zip bomb");
			}
			if (unpacked > maxRatioBytes) {
				throw new OverBudget("unpacks to more than " + maxRatio + " times its own size: refused as a zip bomb");
			}
		}

	}

	/**
	 * Thrown from inside an entry's stream, as an IOException the reader lets through
	 * like its own.
	 */
	private static final class OverBudget extends IOException {

		private static final long serialVersionUID = 1L;

		OverBudget(String message) {
			super(message);
		}

	}

	/**
	 * An entry's data that does not inflate: told apart from the reader's own
	 * IOExceptions (a full disk), which stop the gather.
	 */
	private static final class Corrupt extends IOException {

		private static final long serialVersionUID = 1L;

		Corrupt(String path, IOException cause) {
			super("entry '" + SafeNames.shown(path) + "' cannot be unpacked: " + cause.getMessage(), cause);
		}

	}

	private static final class Counted extends FilterInputStream {

		private final Budget budget;

		private final String path;

		Counted(InputStream in, Budget budget, String path) {
			super(in);
			this.budget = budget;
			this.path = path;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n;
			try {
				n = super.read(buffer, offset, length);
			}
			catch (IOException ex) {
				throw new Corrupt(path, ex);
			}
			if (n > 0) {
				budget.spend(n);
			}
			return n;
		}

	}

}
