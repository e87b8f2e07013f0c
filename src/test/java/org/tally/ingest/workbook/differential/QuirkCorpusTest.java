package org.tally.ingest.workbook.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Writes the quirk workbooks into target/quirk-corpus, where
 * scripts/libreoffice-quirk-fixtures.sh re-saves them with LibreOffice (starting
 * LibreOffice takes longer than the whole differential test, so its output is committed).
 */
class QuirkCorpusTest {

	static final Path CORPUS = Path.of("target/quirk-corpus");

	@Test
	void givenTheQuirkWorkbooks_theyAreWrittenForLibreOfficeToResave() throws IOException {
		Files.createDirectories(CORPUS);
		PoiQuirkWorkbook.xlsx(CORPUS.resolve("quirks-poi.xlsx"), false);
		PoiQuirkWorkbook.xls(CORPUS.resolve("quirks-poi-1904.xls"), true);
		RawQuirkWorkbook.write(CORPUS.resolve("quirks-raw.xlsx"), false, false);
		try (var files = Files.list(CORPUS)) {
			assertThat(files.count()).isEqualTo(3);
		}
	}

}
