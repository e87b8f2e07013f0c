package org.tally.ingest.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.tally.support.Theories.digitStrings;
import static org.tally.support.Theories.qt;
import static org.tally.support.Theories.stringsOf;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Whatever a writer puts in a cell comes back unchanged, at the same position. */
class RoundTripProperties {

	static Gen<List<List<String>>> tables() {
		Gen<String> cell = stringsOf("ab 1.,\"\n\r长治京", 0, 8);
		return lists().of(lists().of(cell).ofSizeBetween(1, 5)).ofSizeBetween(1, 8);
	}

	@Test
	void givenAnyTableWrittenAsCsv_itsCellsComeBackWhereTheyWere() {
		qt(150).forAll(tables()).checkAssert(unchecked(RoundTripProperties::csvCellsComeBackWhereTheyWere));
	}

	private static void csvCellsComeBackWhereTheyWere(List<List<String>> table) throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			for (List<String> row : table) {
				p.printRecord(row);
			}
		}
		Path dir = Files.createTempDirectory("csvprop");
		Path f = TestFiles.text(dir, "t.csv", out.toString(), StandardCharsets.UTF_8);
		try {
			assertThat(cellsOf(TestFiles.readAll(f))).isEqualTo(expected(table));
		}
		finally {
			Files.delete(f);
			Files.delete(dir);
		}
	}

	@Test
	void givenAnyTableWrittenAsXlsx_itsTextComesBackFromSharedAndInlineStrings() {
		qt(40).forAll(tables())
			.checkAssert(unchecked(RoundTripProperties::xlsxTextComesBackFromSharedAndInlineStrings));
	}

	private static void xlsxTextComesBackFromSharedAndInlineStrings(List<List<String>> table) throws IOException {
		Path dir = Files.createTempDirectory("xlsxprop");
		try {
			Path shared = TestFiles.xlsx(dir, "s.xlsx", wb -> fill(wb.createSheet(), table));
			Path inline = TestFiles.sxssf(dir, "i.xlsx", wb -> fill(wb.createSheet(), table));
			assertThat(cellsOf(TestFiles.readAll(shared))).isEqualTo(expected(table));
			assertThat(cellsOf(TestFiles.readAll(inline))).isEqualTo(expected(table));
		}
		finally {
			try (var files = Files.list(dir)) {
				files.forEach(unchecked(Files::delete));
			}
			Files.delete(dir);
		}
	}

	@Test
	void givenAnyNumberInAnXlsxCell_itKeepsItsLexicalForm() {
		qt(200).forAll(numbers()).checkAssert(unchecked(RoundTripProperties::xlsxNumberKeepsItsLexicalForm));
	}

	private static void xlsxNumberKeepsItsLexicalForm(String number) throws IOException {
		Path dir = Files.createTempDirectory("numprop");
		Path f = TestFiles.minimalXlsx("<row r=\"1\"><c r=\"A1\"><v>" + number + "</v></c></row>").write(dir, "n.xlsx");
		try {
			assertThat(TestFiles.readAll(f).get(0).cell(0).value()).isEqualTo(number);
		}
		finally {
			f.toFile().delete();
			dir.toFile().delete();
		}
	}

	static Gen<String> numbers() {
		Gen<String> digits = digitStrings(1, 20);
		Gen<String> fraction = arbitrary().pick("", ".")
			.flatMap(dot -> dot.isEmpty() ? arbitrary().constant("") : digitStrings(1, 10).map(d -> "." + d));
		return arbitrary().pick("", "-")
			.zip(digits, fraction, arbitrary().pick("", "E-3", "E+10", "e5"), (s, i, f, e) -> s + i + f + e);
	}

	/** A step that may fail on I/O, as a consumer that rethrows the failure unchecked. */
	private static <T> Consumer<T> unchecked(IoStep<T> step) {
		return value -> {
			try {
				step.accept(value);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	private interface IoStep<T> {

		void accept(T value) throws IOException;

	}

	private static void fill(Sheet sheet, List<List<String>> table) {
		for (int r = 0; r < table.size(); r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < table.get(r).size(); c++) {
				if (!table.get(r).get(c).isEmpty()) {
					row.createCell(c).setCellValue(table.get(r).get(c));
				}
			}
		}
	}

	private static Map<String, String> expected(List<List<String>> table) {
		Map<String, String> m = new TreeMap<>();
		for (int r = 0; r < table.size(); r++) {
			for (int c = 0; c < table.get(r).size(); c++) {
				if (!table.get(r).get(c).isEmpty()) {
					m.put((r + 1) + ":" + c, table.get(r).get(c));
				}
			}
		}
		return m;
	}

	private static Map<String, String> cellsOf(List<RawRow> rows) {
		Map<String, String> m = new TreeMap<>();
		List<Integer> seen = new ArrayList<>();
		for (RawRow row : rows) {
			seen.add(row.rowNumber());
			for (RawCell cell : row.cells()) {
				m.put(row.rowNumber() + ":" + cell.column(), cell.value());
			}
		}
		assertThat(seen).isSorted();
		return m;
	}

}
