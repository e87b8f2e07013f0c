package org.tally.warehouse.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorted runs of fingerprints, each distinct within itself, spilled to temporary files;
 * merged, they say whether any fingerprint is in two runs. Memory is one buffer per run,
 * whatever the runs' length. The files are deleted by {@link #close}. Not thread-safe.
 */
final class SortedRuns implements AutoCloseable {

	private static final int BUFFER_BYTES = 1 << 16;

	private final Path directory;

	private final List<Path> files = new ArrayList<>();

	SortedRuns(Path directory) {
		this.directory = directory;
	}

	/** Writes {@code sorted[0..count)}, ascending, as one more run. */
	void spill(long[] sorted, int count) {
		Path file = null;
		try {
			file = Files.createTempFile(directory, "tally-keys-", ".run");
			files.add(file);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
				for (int i = 0; i < count; i++) {
					if (!buffer.hasRemaining()) {
						drain(buffer, channel);
					}
					buffer.putLong(sorted[i]);
				}
				drain(buffer, channel);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"could not spill " + count + " key fingerprints to " + (file != null ? file : directory), ex);
		}
	}

	/** How many runs were spilled. */
	int count() {
		return files.size();
	}

	/**
	 * Whether a fingerprint is in two runs, or in a run and {@code tail[0..tailCount)}
	 * (the part not spilled: sorted, ascending, distinct within itself).
	 */
	boolean anyInTwo(long[] tail, int tailCount) {
		List<RunCursor> open = new ArrayList<>(files.size());
		PriorityQueue<Cursor> queue = new PriorityQueue<>(files.size() + 1, Comparator.comparingLong(Cursor::head));
		try {
			for (Path file : files) {
				RunCursor cursor = new RunCursor(file);
				open.add(cursor);
				if (cursor.advance()) {
					queue.add(cursor);
				}
			}
			Cursor memory = new ArrayCursor(tail, tailCount);
			if (memory.advance()) {
				queue.add(memory);
			}
			// No fingerprint is NO_KEY, so the first head never equals it.
			long previous = KeyFingerprints.NO_KEY;
			while (!queue.isEmpty()) {
				Cursor cursor = queue.poll();
				if (cursor.head() == previous) {
					return true;
				}
				previous = cursor.head();
				if (cursor.advance()) {
					queue.add(cursor);
				}
			}
			return false;
		}
		finally {
			for (RunCursor cursor : open) {
				cursor.close();
			}
		}
	}

	/**
	 * Deletes every run's file; one that cannot be deleted fails visibly, after the
	 * others are.
	 */
	@Override
	public void close() {
		UncheckedIOException failure = null;
		for (Path file : files) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				UncheckedIOException named = new UncheckedIOException(
						"could not delete spilled key fingerprints " + file, ex);
				if (failure == null) {
					failure = named;
				}
				else {
					failure.addSuppressed(named);
				}
			}
		}
		files.clear();
		if (failure != null) {
			throw failure;
		}
	}

	private static void drain(ByteBuffer buffer, FileChannel channel) throws IOException {
		buffer.flip();
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
		buffer.clear();
	}

	/** A sorted sequence read one fingerprint at a time. */
	private interface Cursor {

		long head();

		/** Moves to the next fingerprint; false at the end. */
		boolean advance();

	}

	private static final class ArrayCursor implements Cursor {

		private final long[] values;

		private final int count;

		private int next;

		private long head;

		private ArrayCursor(long[] values, int count) {
			this.values = values;
			this.count = count;
		}

		@Override
		public long head() {
			return head;
		}

		@Override
		public boolean advance() {
			if (next == count) {
				return false;
			}
			head = values[next++];
			return true;
		}

	}

	private static final class RunCursor implements Cursor {

		private final Path file;

		private final FileChannel channel;

		private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).flip();

		private long head;

		private RunCursor(Path file) {
			this.file = file;
			try {
				this.channel = FileChannel.open(file, StandardOpenOption.READ);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not read the key fingerprints spilled to " + file, ex);
			}
		}

		@Override
		public long head() {
			return head;
		}

		@Override
		public boolean advance() {
			if (buffer.remaining() < Long.BYTES && !refill()) {
				return false;
			}
			head = buffer.getLong();
			return true;
		}

		private boolean refill() {
			try {
				buffer.compact();
				while (buffer.position() < Long.BYTES) {
					if (channel.read(buffer) < 0) {
						if (buffer.position() > 0) {
							throw new IOException(
									"truncated: " + buffer.position() + " bytes after the last fingerprint");
						}
						buffer.flip();
						return false;
					}
				}
				buffer.flip();
				return true;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not read the key fingerprints spilled to " + file, ex);
			}
		}

		private void close() {
			try {
				channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not close " + file, ex);
			}
		}

	}

}
