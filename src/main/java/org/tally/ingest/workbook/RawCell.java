package org.tally.ingest.workbook;

import java.util.Objects;
import org.apache.poi.ss.util.CellReference;

/**
 * One non-blank cell exactly as stored in the file.
 *
 * <p>
 * {@code column} is 0-based. {@code value} is the stored text: for NUMBER the lexical
 * number of the file (XLSX/CSV, never passed through {@code double}; XLS via POI's
 * NumberToTextConverter), for BOOLEAN {@code "TRUE"}/{@code "FALSE"}, for ERROR the error
 * text such as {@code "#DIV/0!"}, for FORMULA_WITHOUT_VALUE the formula text.
 * {@code dateFormatted} tells that the cell's number format is a date/time format;
 * interpreting the serial number is left to later layers. {@code numberFormat} is the
 * format code as the file states it ("0.00%", "yyyy\-mm\-dd", "General"), shared by every
 * cell of the style; null where the format has none (CSV).
 */
public record RawCell(int column, CellKind kind, String value, boolean dateFormatted, String numberFormat) {

	/** A cell without a stated number format (CSV, and tests). */
	public RawCell(int column, CellKind kind, String value, boolean dateFormatted) {
		this(column, kind, value, dateFormatted, null);
	}

	public RawCell {
		if (column < 0) {
			throw new IllegalArgumentException("column must be >= 0: " + column);
		}
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Excel-style reference of this cell in the given 1-based row, e.g. {@code "F17"}.
	 */
	public String reference(int rowNumber) {
		return CellReference.convertNumToColString(column) + rowNumber;
	}
}
