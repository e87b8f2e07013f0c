package org.tally.ingest.workbook.xlsx;

import java.nio.file.Path;
import java.util.List;
import org.tally.ingest.workbook.FileFormat;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.SheetSelector;

/** Opens OOXML workbooks (Transitional or Strict) for {@code Workbooks}. */
public final class XlsxReader {

	private XlsxReader() {
	}

	/** Streams the selected worksheet row by row. */
	public static SheetCursor open(Path file, SheetSelector selector, ReadLimits limits) throws Exception {
		return XlsxSheetCursor.open(file, selector, limits);
	}

	/** Every worksheet in workbook order, with its visibility. */
	public static List<FileFormat.Sheet> sheets(Path file, ReadLimits limits) throws Exception {
		try (XlsxPackage pkg = XlsxPackage.open(file, limits)) {
			return pkg.sheets()
				.stream()
				.filter(XlsxPackage.Sheet::worksheet)
				.map(s -> new FileFormat.Sheet(s.name(), s.visible(), null))
				.toList();
		}
	}

	/** Names of the visible worksheets in workbook order. */
	public static List<String> visibleSheetNames(Path file, ReadLimits limits) throws Exception {
		try (XlsxPackage pkg = XlsxPackage.open(file, limits)) {
			return pkg.visibleWorksheetNames();
		}
	}

}
