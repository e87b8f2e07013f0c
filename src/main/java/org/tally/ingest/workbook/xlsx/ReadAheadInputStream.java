package org.tally.ingest.workbook.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream on a thread of its own, a few blocks ahead of its reader. For a sheet
 * inside an XLSX the reading is the inflating, a good share of the parser thread's work,
 * which this moves onto the other core while the XML of the blocks before is parsed.
 * Whatever the source throws reaches the reader after the bytes read before it, as the
 * very same exception. Blocks are recycled, so a sheet of any size costs a fixed few
 * hundred kilobytes. One reader thread only.
 */
final class ReadAheadInputStream extends InputStream {

	private static final int BLOCK = 64 * 1024;

	private static final int BLOCKS_AHEAD = 6;

	private static final Block END = new Block(new byte[0], 0, null);

	private final InputStream source;

	private final BlockingQueue<Block> filled = new ArrayBlockingQueue<>(BLOCKS_AHEAD);

	/**
	 * Emptied blocks going back to the reading thread; it makes a new one only when none
	 * is there.
	 */
	private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(BLOCKS_AHEAD + 2);

	private final Thread reader;

	private Block current = new Block(new byte[0], 0, null);

	private int position;

	/** The bytes of the blocks read before the current one. */
	private long before;

	private boolean ended;

	ReadAheadInputStream(InputStream source, String threadName) {
		this.source = source;
		this.reader = new Thread(this::fill, threadName);
		this.reader.setDaemon(true);
		this.reader.start();
	}

	private void fill() {
		try {
			boolean more = true;
			while (more) {
				byte[] buffer = empty.poll();
				if (buffer == null) {
					buffer = new byte[BLOCK];
				}
				int length = 0;
				Throwable failure = null;
				try {
					int n = 0;
					while (length < BLOCK && (n = source.read(buffer, length, BLOCK - length)) >= 0) {
						length += n;
					}
					more = n >= 0;
				}
				catch (Throwable thrown) { // NOPMD: handed over whole to the reader,
											// where it would have been thrown
					failure = thrown;
				}
				if (length > 0) {
					filled.put(new Block(buffer, length, null)); // the bytes before a
																	// failure come first
				}
				if (failure != null) {
					filled.put(new Block(new byte[0], 0, failure));
					return;
				}
			}
			filled.put(END);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // closed by the reader: stop quietly
		}
	}

	@Override
	public int read() throws IOException {
		if (!byteReady()) {
			return -1;
		}
		return current.bytes[position++] & 0xFF;
	}

	@Override
	public int read(byte[] target, int offset, int length) throws IOException {
		Objects.checkFromIndexSize(offset, length, target.length);
		if (length == 0) {
			return 0;
		}
		if (!byteReady()) {
			return -1;
		}
		int count = Math.min(length, current.length - position);
		System.arraycopy(current.bytes, position, target, offset, count);
		position += count;
		return count;
	}

	/**
	 * Whether a byte is there to read, taking the next block when this one is used up.
	 */
	private boolean byteReady() throws IOException {
		while (position == current.length) {
			if (ended) {
				return false;
			}
			if (current.length > 0) {
				empty.offer(current.bytes);
			}
			before += current.length;
			current = take();
			position = 0;
			if (current.failure != null) {
				ended = true;
				throw rethrow(current.failure);
			}
			if (current == END) {
				ended = true;
				return false;
			}
		}
		return true;
	}

	/** The bytes handed to the reader so far: its position in the source. */
	long delivered() {
		return before + position;
	}

	private Block take() throws InterruptedIOException {
		try {
			return filled.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			InterruptedIOException interrupted = new InterruptedIOException("interrupted while reading ahead");
			interrupted.initCause(ex);
			throw interrupted;
		}
	}

	private static IOException rethrow(Throwable failure) {
		if (failure instanceof IOException io) {
			return io;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new IOException(failure);
	}

	/**
	 * Stops the reading thread, then closes the source (never while that thread still
	 * reads it).
	 */
	@Override
	public void close() throws IOException {
		reader.interrupt();
		try {
			reader.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			source.close();
		}
	}

	private record Block(byte[] bytes, int length, Throwable failure) {
	}

}
