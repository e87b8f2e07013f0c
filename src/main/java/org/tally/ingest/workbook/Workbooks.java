package org.tally.ingest.workbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.tally.ingest.workbook.internal.Failures;
import org.tally.ingest.workbook.xlsx.XlsxReader;

/**
 * Opens a department file by sniffing its content (magic bytes), not trusting the
 * extension: ZIP is OOXML (.xlsx/.xlsm/.xltx, Transitional or Strict), OLE2 is .xls (or a
 * password-protected OOXML, refused), other text is CSV when the extension is csv, txt or
 * tsv. Every failure, however hostile the file, surfaces as one
 * {@link UnreadableFileException}.
 */
public final class Workbooks {

	private Workbooks() {
	}

	public static SheetCursor open(Path file, SheetSelector sheet, ReadLimits limits) {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(sheet, "sheet");
		Objects.requireNonNull(limits, "limits");
		try {
			return switch (Sniffer.sniff(file, limits)) {
				case OOXML_ZIP -> XlsxReader.open(file, sheet, limits);
				case OLE2 -> XlsSheetCursor.open(file, sheet, limits);
				case CSV -> CsvSheetCursor.open(file, limits);
			};
		}
		catch (Throwable t) {
			// Hostile input can raise anything, StackOverflowError and OutOfMemoryError
			// included.
			throw Failures.unreadable(file, null, t);
		}
	}

	public static SheetCursor open(Path file) {
		return open(file, SheetSelector.first(), ReadLimits.defaults());
	}

	/**
	 * Names of the visible worksheets in workbook order; a CSV file has one, its base
	 * name.
	 */
	public static List<String> visibleSheetNames(Path file) {
		return visibleSheetNames(file, ReadLimits.defaults());
	}

	public static List<String> visibleSheetNames(Path file, ReadLimits limits) {
		Objects.requireNonNull(file, "file");
		try {
			switch (Sniffer.sniff(file, limits)) {
				case OOXML_ZIP -> {
					return XlsxReader.visibleSheetNames(file, limits);
				}
				case OLE2 -> {
					return XlsSheetCursor.visibleSheetNames(file, limits);
				}
				default -> {
					try (SheetCursor c = CsvSheetCursor.open(file, limits)) {
						return List.of(c.sheetName());
					}
				}
			}
		}
		catch (Throwable t) {
			throw Failures.unreadable(file, null, t);
		}
	}

}
