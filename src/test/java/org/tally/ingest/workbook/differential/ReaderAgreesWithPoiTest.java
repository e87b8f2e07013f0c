package org.tally.ingest.workbook.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tally's own workbook reader read against an independent one, cell by cell: every typed
 * value (number, date, text, boolean, error, blank) must be the one Apache POI's
 * usermodel reads, or fall under a named {@link Difference}. The corpus: every workbook
 * in the repository, workbooks written to cover each cell kind and quirk (by POI, by hand
 * as raw XML, and re-saved by LibreOffice).
 */
class ReaderAgreesWithPoiTest {

	@TempDir
	Path dir;

	@Test
	void givenEveryWorkbookInTheRepository_tallyReadsWhatPoiReads() {
		List<Path> files = repositoryWorkbooks();
		assertThat(files).as("seed and fixture workbooks").hasSizeGreaterThanOrEqualTo(9);
		Comparison comparison = Differential.compare(files);
		assertAgreement(comparison);
		assertThat(comparison.outcomes()).hasSizeGreaterThan(1_000);
	}

	@Test
	void givenWorkbooksPoiWritesWithEveryCellKind_tallyReadsWhatPoiReads() {
		Comparison comparison = Differential.compare(List.of(PoiQuirkWorkbook.xlsx(dir.resolve("poi-1900.xlsx"), false),
				PoiQuirkWorkbook.xlsx(dir.resolve("poi-1904.xlsx"), true),
				PoiQuirkWorkbook.xls(dir.resolve("poi-1900.xls"), false),
				PoiQuirkWorkbook.xls(dir.resolve("poi-1904.xls"), true)));
		assertAgreement(comparison);
		comparison.outcomes().stream().filter(o -> o.difference() != null).forEach(System.out::println);
	}

	@Test
	void givenRawXmlWorkbooksWithEveryQuirk_tallyReadsWhatPoiReads() {
		Comparison comparison = Differential
			.compare(List.of(RawQuirkWorkbook.write(dir.resolve("raw-1900.xlsx"), false, false),
					RawQuirkWorkbook.write(dir.resolve("raw-1904.xlsx"), false, true)));
		comparison.outcomes().stream().filter(o -> o.difference() != null).forEach(System.out::println);
		assertAgreement(comparison);
	}

	@Test
	void givenAStrictOoxmlWorkbook_tallyReadsWhatPoiReads() {
		Comparison comparison = Differential
			.compare(List.of(RawQuirkWorkbook.write(dir.resolve("strict.xlsx"), true, false)));
		assertAgreement(comparison);
	}

	static void assertAgreement(Comparison comparison) {
		System.out.println("differential: " + comparison.summary());
		assertThat(comparison.sheetMismatches()).as("sheet lists").isEmpty();
		assertThat(comparison.disagreements()).as(comparison.describeDisagreements()).isEmpty();
	}

	private static List<Path> repositoryWorkbooks() {
		List<Path> out = new ArrayList<>();
		for (Path root : List.of(Path.of("seeds"), Path.of("src/test/resources"))) {
			try (Stream<Path> walk = Files.walk(root)) {
				walk.filter(Files::isRegularFile).filter(p -> {
					String n = p.getFileName().toString().toLowerCase();
					return n.endsWith(".xlsx") || n.endsWith(".xls");
				}).sorted().forEach(out::add);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out;
	}

}
