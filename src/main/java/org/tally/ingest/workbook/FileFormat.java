package org.tally.ingest.workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tally.ingest.workbook.internal.Failures;
import org.tally.ingest.workbook.xlsx.XlsxReader;

/**
 * What a file is, as sniffed from its content, and how that was decided: the format and
 * workbook kind, for a CSV its encoding and delimiter, and its sheets with their
 * visibility and non-blank rows.
 */
public record FileFormat(String format, String kind, String encoding, String encodingDecidedBy, String delimiter,
		String delimiterDecidedBy, List<Sheet> sheets) {

	public FileFormat {
		sheets = List.copyOf(sheets);
	}

	/** A sheet: its name, whether it is visible, and its non-blank rows. */
	public record Sheet(String name, boolean visible, Integer rows) {
	}

	/** Sniffs {@code file} and counts each sheet's rows; throws why it is unreadable. */
	public static FileFormat describe(Path file, ReadLimits limits) {
		Objects.requireNonNull(file, "file");
		try {
			return switch (Sniffer.sniff(file, limits)) {
				case OOXML_ZIP -> new FileFormat("xlsx", "OOXML workbook (.xlsx, .xlsm, .xltx; Transitional or Strict)",
						null, null, null, null, counted(file, XlsxReader.sheets(file, limits), limits));
				case OLE2 -> new FileFormat("xls", "BIFF8 workbook (Excel 97-2003 .xls)", null, null, null, null,
						counted(file, XlsSheetCursor.sheets(file, limits), limits));
				case CSV -> csv(file, limits);
			};
		}
		catch (Throwable t) {
			throw Failures.unreadable(file, null, t);
		}
	}

	private static FileFormat csv(Path file, ReadLimits limits) throws Exception {
		byte[] sample;
		try (InputStream in = Files.newInputStream(file)) {
			sample = in.readNBytes(CsvSheetCursor.SAMPLE);
		}
		CsvEncoding encoding = CsvEncoding.detect(sample, Files.size(file) <= CsvSheetCursor.SAMPLE);
		CsvDialect dialect = CsvDialect.sniff(encoding.decodeLeniently(sample), Sniffer.extension(file).equals("tsv"));
		String delimiter = switch (dialect.delimiter()) {
			case ',' -> "comma";
			case '\t' -> "tab";
			case ';' -> "semicolon";
			default -> "'" + dialect.delimiter() + "'";
		};
		int rows = 0;
		String name;
		try (SheetCursor cursor = CsvSheetCursor.open(file, limits)) {
			name = cursor.sheetName();
			while (cursor.hasNext()) {
				cursor.next();
				rows++;
			}
		}
		return new FileFormat("csv", "delimited text", encoding.charset().name(), encoding.decidedBy(), delimiter,
				dialect.decidedBy(), List.of(new Sheet(name, true, rows)));
	}

	/** Each sheet's non-blank rows, read through the same cursor as a run (by name). */
	private static List<Sheet> counted(Path file, List<Sheet> sheets, ReadLimits limits) {
		List<Sheet> out = new ArrayList<>();
		for (Sheet sheet : sheets) {
			int rows = 0;
			try (SheetCursor cursor = Workbooks.open(file, SheetSelector.named(sheet.name()), limits)) {
				while (cursor.hasNext()) {
					cursor.next();
					rows++;
				}
			}
			out.add(new Sheet(sheet.name(), sheet.visible(), rows));
		}
		return out;
	}

}
