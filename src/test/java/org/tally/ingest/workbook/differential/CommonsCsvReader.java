package org.tally.ingest.workbook.differential;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.util.CellReference;

/**
 * The reference reading of a delimited file: Commons CSV, told the encoding and the
 * delimiter the file was written with (Tally has to find both out), empty lines kept as
 * records so that row numbers are the ones a spreadsheet shows.
 */
final class CommonsCsvReader {

	private CommonsCsvReader() {
	}

	static Reading read(Path file, Charset charset, char delimiter, boolean sepLine) {
		String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
		Map<String, Reading.Cell> cells = new LinkedHashMap<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
		try (Reader in = Files.newBufferedReader(file, charset)) {
			in.mark(1);
			if (in.read() != '\uFEFF') {
				in.reset();
			}
			if (sepLine) {
				while (in.read() != '\n') {
					// the "sep=;" line names the delimiter and is no record
				}
			}
			try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
				for (CSVRecord record : parser) {
					for (int i = 0; i < record.size(); i++) {
						String v = record.get(i);
						if (!v.isEmpty()) {
							cells.put(CellReference.convertNumToColString(i) + record.getRecordNumber(),
									new Reading.Cell(Typed.text(v), Reading.Facts.NONE));
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, Map<String, Reading.Cell>> sheets = Reading.newSheets();
		sheets.put(name, cells);
		return new Reading("Commons CSV", sheets, List.of(name));
	}

}
