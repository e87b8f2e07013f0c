package org.tally.warehouse.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The keys of one file's rows as 64-bit fingerprints in an open-addressing set of longs
 * (16 MB for a million rows, whatever the keys' length; a set of the key strings is not
 * bounded so). Keys that PostgreSQL groups together always have equal fingerprints, so a
 * file in which no fingerprint repeats repeats no key; a fingerprint seen twice only says
 * "maybe" (promotion then searches in SQL). The set holds at most {@link #MAX_KEYS}, so
 * that the heap an ingest needs does not grow with the file: when full it is sorted and
 * spilled to a temporary file as a run ({@link SortedRuns}) and emptied, and the answer
 * merges the runs. {@link #close} deletes the files. Not thread-safe.
 */
public final class KeyFingerprints implements AutoCloseable {

	/**
	 * The fingerprint of a row without a key (and the empty slot: no key fingerprints to
	 * it).
	 */
	public static final long NO_KEY = 0L;

	private static final long EMPTY = NO_KEY;

	/**
	 * The most keys the set holds: a sheet's rows (ReadLimits.DEFAULT_MAX_ROWS), in 2^21
	 * slots.
	 */
	static final int MAX_KEYS = 1 << 20;

	private static final long NULL_VALUE = 0x9E3779B97F4A7C15L;

	private final int maxKeys;

	private final SortedRuns runs;

	private long[] slots = new long[1 << 10];

	private int size;

	private boolean repeated;

	/** Spills to {@code java.io.tmpdir}. */
	public KeyFingerprints() {
		this(MAX_KEYS, Path.of(System.getProperty("java.io.tmpdir")));
	}

	KeyFingerprints(int maxKeys, Path spillDirectory) {
		this.maxKeys = maxKeys;
		this.runs = new SortedRuns(spillDirectory);
	}

	/**
	 * The fingerprint of a row's key: the values at {@code keyColumns}, in key order.
	 * {@link #NO_KEY} when every one of them is null (such a row has no key). Computed
	 * while the row is validated, so that its values are read while still in cache, not a
	 * chunk later.
	 */
	public static long of(Object[] values, int[] keyColumns) {
		long fingerprint = 0x243F6A8885A308D3L;
		boolean any = false;
		for (int column : keyColumns) {
			Object value = values[column];
			any |= value != null;
			fingerprint = mix(fingerprint * 31 + hash(value));
		}
		return !any ? NO_KEY : fingerprint == NO_KEY ? 1 : fingerprint;
	}

	/**
	 * Adds one row's key fingerprint ({@link #of}); {@link #NO_KEY} adds nothing. Fails
	 * with the file named if a full set cannot be spilled.
	 */
	public void add(long fingerprint) {
		if (repeated || fingerprint == NO_KEY) {
			return; // "maybe" is already the answer, or the row has no key
		}
		if (released()) {
			throw new IllegalStateException("a key added after its file's keys were answered for or closed");
		}
		if (size == maxKeys) {
			runs.spill(slots, sortInPlace());
			Arrays.fill(slots, EMPTY);
			size = 0;
		}
		if (!insert(fingerprint)) {
			repeated = true;
			release();
		}
	}

	/**
	 * Whether some fingerprint was added twice: the file may repeat a key. If runs were
	 * spilled, merges them with the set's remainder (once: the keys are then released).
	 */
	public boolean maybeRepeated() {
		if (!repeated && runs.count() > 0) {
			repeated = runs.anyInTwo(slots, sortInPlace());
			release();
		}
		return repeated;
	}

	/**
	 * Frees the set and deletes the spilled runs; a later {@link #maybeRepeated} that
	 * would have needed them says "maybe".
	 */
	@Override
	public void close() {
		if (runs.count() > 0) {
			repeated = true;
		}
		release();
	}

	/** The runs were merged or deleted: the keys are no longer held. */
	private boolean released() {
		return slots.length == 0;
	}

	private void release() {
		slots = new long[0];
		size = 0;
		runs.close();
	}

	/**
	 * Moves the set's fingerprints to the front of its slots, ascending, and returns how
	 * many: no memory beyond the slots, at the price of the set's order (emptied after).
	 */
	private int sortInPlace() {
		int count = 0;
		for (long fingerprint : slots) {
			if (fingerprint != EMPTY) {
				slots[count++] = fingerprint;
			}
		}
		Arrays.sort(slots, 0, count);
		return count;
	}

	private boolean insert(long fingerprint) {
		if (2 * (size + 1) > slots.length) {
			grow();
		}
		int mask = slots.length - 1;
		int i = (int) fingerprint & mask;
		while (slots[i] != EMPTY) {
			if (slots[i] == fingerprint) {
				return false;
			}
			i = (i + 1) & mask;
		}
		slots[i] = fingerprint;
		size++;
		return true;
	}

	private void grow() {
		long[] old = slots;
		slots = new long[old.length * 2];
		size = 0;
		for (long fingerprint : old) {
			if (fingerprint != EMPTY) {
				insert(fingerprint);
			}
		}
	}

	/**
	 * Equal under SQL's grouping means equal here: 1.0 and 1.00 are one numeric, text
	 * compares by its bytes.
	 */
	private static long hash(Object value) {
		if (value == null) {
			return NULL_VALUE;
		}
		if (value instanceof String text) {
			long h = 0xCBF29CE484222325L; // FNV-1a over the UTF-16 units, then mixed
			for (int i = 0; i < text.length(); i++) {
				h = (h ^ text.charAt(i)) * 0x100000001B3L;
			}
			return mix(h);
		}
		if (value instanceof BigDecimal decimal) {
			return hash(decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString());
		}
		if (value instanceof LocalDate date) {
			return mix(date.toEpochDay());
		}
		if (value instanceof Long number) {
			return mix(number);
		}
		return hash(value.toString());
	}

	/** MurmurHash3's 64-bit finaliser: spreads every input bit over the output. */
	private static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xFF51AFD7ED558CCDL;
		h ^= h >>> 33;
		h *= 0xC4CEB5E5F8A2E6A5L;
		h ^= h >>> 33;
		return h;
	}

}
