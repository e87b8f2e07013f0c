package org.tally.warehouse.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import org.tally.catalog.ColumnType;

/**
 * Rows in PostgreSQL's binary COPY format: typed values go over the wire as they are (a
 * date as its day number, an amount as base-10000 digits), so neither side prints or
 * parses text for them. The stream of "COPY … FROM STDIN (FORMAT binary)" is
 * {@link #header()}, one {@link #tuple} per row (a field count and length-prefixed
 * fields), then {@link #trailer()}. Not for use by two threads.
 */
public final class BinaryCopyRows {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** PostgreSQL's dates count days from 2000-01-01. */
	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	private static final short NUMERIC_POSITIVE = 0x0000;

	private static final short NUMERIC_NEGATIVE = 0x4000;

	private static final long[] POWERS_OF_TEN = { 1, 10, 100, 1000 };

	/** Below these a magnitude times 10^pad still fits a long with room to spare. */
	private static final long[] LIMIT_BEFORE_PAD = { Long.MAX_VALUE / 10, Long.MAX_VALUE / 100, Long.MAX_VALUE / 1000,
			Long.MAX_VALUE / 10_000 };

	private final ColumnType[] types;

	/** Base-10000 digits of one small numeric, least significant first. */
	private final int[] groups = new int[8];

	/** Reused for every tuple; each is handed out as its own exact-length copy. */
	private byte[] buffer = new byte[512];

	private int length;

	/**
	 * An encoder for rows of (load_id bigint, row_number integer, then these columns).
	 */
	public BinaryCopyRows(ColumnType[] types) {
		this.types = types.clone();
	}

	/**
	 * What a binary COPY stream starts with: the signature, no flags, no header
	 * extension.
	 */
	public static byte[] header() {
		byte[] header = Arrays.copyOf(SIGNATURE, SIGNATURE.length + 8);
		return header; // flags and extension length: eight zero bytes
	}

	/** What ends a binary COPY stream: a field count of -1. */
	public static byte[] trailer() {
		return new byte[] { (byte) 0xFF, (byte) 0xFF };
	}

	/**
	 * One row as a tuple of the stream; values are in column order: String, Long,
	 * BigDecimal, LocalDate or null (another class than its column's type is a
	 * programming error).
	 */
	public byte[] tuple(long loadId, int rowNumber, Object[] values) {
		length = 0;
		writeShort(2 + values.length);
		writeInt(8);
		writeLong(loadId);
		writeInt(4);
		writeInt(rowNumber);
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value == null) {
				writeInt(-1);
				continue;
			}
			switch (types[i]) {
				case TEXT, CODE, ENUM -> writeText((String) value);
				case INTEGER -> {
					writeInt(8);
					writeLong((Long) value);
				}
				case DECIMAL, MONEY -> writeNumeric((BigDecimal) value);
				case DATE -> {
					writeInt(4);
					writeInt(Math.toIntExact(((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
				}
			}
		}
		return Arrays.copyOf(buffer, length);
	}

	private void writeText(String text) {
		int at = length;
		writeInt(0); // the length, known once encoded
		if (isAscii(text)) {
			ensure(text.length());
			for (int i = 0; i < text.length(); i++) {
				buffer[length++] = (byte) text.charAt(i);
			}
		}
		else {
			writeUtf8(text);
		}
		putInt(at, length - at - 4);
	}

	/**
	 * UTF-8 straight into the buffer, as {@code String.getBytes(UTF_8)} would encode it
	 * (a lone surrogate becomes '?'): for Chinese text getBytes makes two arrays per
	 * cell, on the ingest's hottest path.
	 */
	private void writeUtf8(String text) {
		int n = text.length();
		ensure(3 * n); // a UTF-16 unit never takes more than three bytes (a pair takes
						// four)
		byte[] out = buffer;
		int at = length;
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				out[at++] = (byte) c;
			}
			else if (c < 0x800) {
				out[at++] = (byte) (0xC0 | c >> 6);
				out[at++] = (byte) (0x80 | c & 0x3F);
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, text.charAt(++i));
				out[at++] = (byte) (0xF0 | cp >> 18);
				out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
				out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
				out[at++] = (byte) (0x80 | cp & 0x3F);
			}
			else if (Character.isSurrogate(c)) {
				out[at++] = '?';
			}
			else {
				out[at++] = (byte) (0xE0 | c >> 12);
				out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
				out[at++] = (byte) (0x80 | c & 0x3F);
			}
		}
		length = at;
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/**
	 * numeric's wire form: ndigits, weight (of the first base-10000 digit), sign, display
	 * scale, then the digits. Grouped from the decimal point outwards, so 1234567.89 is
	 * 123|4567|8900, weight 1.
	 */
	private void writeNumeric(BigDecimal value) {
		int scale = value.scale();
		if (scale < 0) {
			value = value.setScale(0);
			scale = 0;
		}
		// Amounts as they come fit a long: read the unscaled value without
		// unscaledValue(), which
		// builds a BigInteger (and its array) for every amount.
		if (scale <= 12 && value.precision() <= 18
				&& writeSmallNumeric(value.scaleByPowerOfTen(scale).longValueExact(), scale)) {
			return;
		}
		BigInteger unscaled = value.unscaledValue();
		short sign = unscaled.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE;
		String digits = unscaled.abs().toString();
		if (unscaled.signum() == 0) {
			writeInt(8);
			writeShort(0);
			writeShort(0);
			writeShort(NUMERIC_POSITIVE);
			writeShort(scale);
			return;
		}
		int integerDigits = digits.length() - scale; // <= 0 for values below 1
		int integerGroups = integerDigits > 0 ? (integerDigits + 3) / 4 : 0;
		int fractionGroups = (scale + 3) / 4;
		// Leading base-10000 groups of a value below 1 that are all zero are not sent:
		// weight goes negative.
		int leadingZeroGroups = integerDigits >= 0 ? 0 : (-integerDigits) / 4;
		int groups = integerGroups + fractionGroups - leadingZeroGroups;
		writeInt(8 + 2 * groups);
		writeShort(groups);
		writeShort(integerGroups > 0 ? integerGroups - 1 : -1 - leadingZeroGroups);
		writeShort(sign);
		writeShort(scale);
		// Position of each decimal digit relative to the point: digit k (from the left)
		// has exponent
		// integerDigits - 1 - k; group g covers exponents [4*(weight-g)+3 ..
		// 4*(weight-g)].
		int weight = integerGroups > 0 ? integerGroups - 1 : -1 - leadingZeroGroups;
		for (int g = 0; g < groups; g++) {
			int group = 0;
			int highExponent = 4 * (weight - g) + 3;
			for (int e = highExponent; e > highExponent - 4; e--) {
				int k = integerDigits - 1 - e;
				int digit = k >= 0 && k < digits.length() ? digits.charAt(k) - '0' : 0;
				group = group * 10 + digit;
			}
			writeShort(group);
		}
	}

	/**
	 * Amounts as they come (up to 18 digits): base-10000 groups by long division, no
	 * digit string.
	 */
	private boolean writeSmallNumeric(long unscaled, int scale) {
		long magnitude = Math.abs(unscaled);
		int pad = (4 - scale % 4) % 4; // fractional digits are grouped from the point:
										// scale up to a multiple of 4
		if (magnitude >= LIMIT_BEFORE_PAD[pad]) {
			return false;
		}
		long v = magnitude * POWERS_OF_TEN[pad];
		int fractionGroups = (scale + pad) / 4;
		int count = 0;
		while (v > 0) {
			groups[count++] = (int) (v % 10_000);
			v /= 10_000;
		}
		writeInt(8 + 2 * count);
		writeShort(count);
		writeShort(count == 0 ? 0 : count - fractionGroups - 1);
		writeShort(unscaled < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
		writeShort(scale);
		for (int i = count - 1; i >= 0; i--) {
			writeShort(groups[i]);
		}
		return true;
	}

	private void writeShort(int value) {
		ensure(2);
		buffer[length++] = (byte) (value >>> 8);
		buffer[length++] = (byte) value;
	}

	private void writeInt(int value) {
		ensure(4);
		putInt(length, value);
		length += 4;
	}

	private void putInt(int at, int value) {
		buffer[at] = (byte) (value >>> 24);
		buffer[at + 1] = (byte) (value >>> 16);
		buffer[at + 2] = (byte) (value >>> 8);
		buffer[at + 3] = (byte) value;
	}

	private void writeLong(long value) {
		writeInt((int) (value >>> 32));
		writeInt((int) value);
	}

	private void write(byte[] bytes, int offset, int count) {
		ensure(count);
		System.arraycopy(bytes, offset, buffer, length, count);
		length += count;
	}

	private void ensure(int more) {
		if (length + more > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
		}
	}

}
