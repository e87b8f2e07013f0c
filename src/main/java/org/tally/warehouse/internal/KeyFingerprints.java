package org.tally.warehouse.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The keys of one file's rows as 64-bit fingerprints in an open-addressing set of longs
 * (16 MB for a million rows, whatever the keys' length; a set of the key strings is not
 * bounded so). Keys that PostgreSQL groups together always have equal fingerprints, so a
 * file in which no fingerprint repeats repeats no key; a fingerprint seen twice only says
 * "maybe" (promotion then searches in SQL). So does a file of more keys than a sheet's
 * rows (a CSV read with raised limits): the set stops at {@link #MAX_KEYS}, so that the
 * heap an ingest needs does not grow with the file. Not thread-safe.
 */
public final class KeyFingerprints {

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

	private long[] slots = new long[1 << 10];

	private int size;

	private boolean repeated;

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

	/** Adds one row's key fingerprint ({@link #of}); {@link #NO_KEY} adds nothing. */
	public void add(long fingerprint) {
		if (repeated || fingerprint == NO_KEY) {
			return; // "maybe" is already the answer, or the row has no key
		}
		if (size == MAX_KEYS || !insert(fingerprint)) {
			repeated = true;
			slots = new long[0]; // the memory is no longer needed
		}
	}

	/**
	 * Whether some fingerprint was added twice, or more than {@link #MAX_KEYS}: the file
	 * may repeat a key.
	 */
	public boolean maybeRepeated() {
		return repeated;
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
