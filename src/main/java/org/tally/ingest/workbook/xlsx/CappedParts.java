package org.tally.ingest.workbook.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.ZipPackagePart;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.tally.ingest.workbook.internal.Refused;

/**
 * The package's entries as POI reads them, each cut off past {@code maxPartBytes} as it
 * is inflated: content types, relationships and the core properties become DOM trees, the
 * workbook and styles are read whole. Only the parts streamed under limits of their own
 * (the worksheet, the shared strings) are exempt. The inflated size is counted, never the
 * size the archive declares.
 */
final class CappedParts implements ZipEntrySource {

	private final ZipEntrySource zip;

	private final long maxPartBytes;

	private final Set<String> streamed = new HashSet<>();

	private volatile Refused refusal;

	CappedParts(ZipEntrySource zip, long maxPartBytes) {
		this.zip = zip;
		this.maxPartBytes = maxPartBytes;
	}

	/** Exempts a part read as a stream with limits of its own. */
	PackagePart streamed(PackagePart part) {
		if (part instanceof ZipPackagePart z) {
			streamed.add(z.getZipArchive().getName());
		}
		return part;
	}

	/**
	 * The part-size refusal, if a part was cut off: whatever a parser made of it is only
	 * a consequence (POI wraps what its DOM parser throws, and reads relationships it
	 * cannot parse as none at all).
	 */
	Refused refusal() {
		return refusal;
	}

	/**
	 * Throws the part-size refusal, if a part was cut off, even where POI swallowed it.
	 */
	void check() {
		Refused r = refusal;
		if (r != null) {
			throw r;
		}
	}

	@Override
	public Enumeration<? extends ZipArchiveEntry> getEntries() {
		return zip.getEntries();
	}

	@Override
	public ZipArchiveEntry getEntry(String path) {
		return zip.getEntry(path);
	}

	@Override
	public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
		InputStream in = zip.getInputStream(entry);
		return streamed.contains(entry.getName()) ? in : new Capped(in, entry.getName());
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}

	@Override
	public boolean isClosed() {
		return zip.isClosed();
	}

	private final class Capped extends FilterInputStream {

		private final String name;

		private long count;

		Capped(InputStream in, String name) {
			super(in);
			this.name = name.replaceAll("\\p{Cntrl}", "?");
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			counted(skipped);
			return skipped;
		}

		private void counted(long n) {
			count += n;
			if (count > maxPartBytes) {
				Refused r = new Refused("package part " + name + " larger than " + maxPartBytes + " bytes");
				refusal = r;
				throw r;
			}
		}

	}

}
