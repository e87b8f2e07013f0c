package org.tally.normalize;

import java.util.Objects;

/**
 * Thrown when a cell's text cannot be read as the expected kind of value; callers add
 * file, sheet and cell.
 */
public class ValueFormatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String raw;

	private final String reasonZh;

	private final String reasonEn;

	public ValueFormatException(String raw, String reasonZh, String reasonEn) {
		super(reasonZh + " / " + reasonEn + ": '" + raw + "'");
		this.raw = raw;
		this.reasonZh = Objects.requireNonNull(reasonZh, "reasonZh");
		this.reasonEn = Objects.requireNonNull(reasonEn, "reasonEn");
	}

	/** The cell text exactly as it was handed to the parser. */
	public String raw() {
		return raw;
	}

	public String reasonZh() {
		return reasonZh;
	}

	public String reasonEn() {
		return reasonEn;
	}

}
