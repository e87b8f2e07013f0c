package org.tally.ingest.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.tally.support.Theories.qt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Any corruption of a valid file ends either in rows or in one UnreadableFileException.
 */
class CorruptionProperties {

	private static byte[] valid(String kind) throws IOException {
		Path dir = Files.createTempDirectory("corrupt");
		try {
			Consumer<Workbook> fill = wb -> {
				var s = wb.createSheet("台账");
				for (int i = 0; i < 30; i++) {
					Row r = s.createRow(i);
					r.createCell(0).setCellValue("项目" + i);
					r.createCell(2).setCellValue(i * 1.5);
				}
			};
			Path f = switch (kind) {
				case "xls" -> TestFiles.xls(dir, "v.xls", fill::accept);
				case "sxssf" -> TestFiles.sxssf(dir, "v.xlsx", fill::accept);
				default -> TestFiles.xlsx(dir, "v.xlsx", fill::accept);
			};
			byte[] b = Files.readAllBytes(f);
			Files.delete(f);
			return b;
		}
		finally {
			Files.delete(dir);
		}
	}

	@Test
	void givenCorruptedBytes_nothingEscapesButUnreadable() {
		qt(120)
			.forAll(kinds(), lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 8),
					integers().between(1, 255), booleans().all())
			.checkAssert((kind, positions, xor, truncate) -> {
				try {
					corruptedBytesEndInRowsOrUnreadable(kind, positions, xor, truncate);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
	}

	private static void corruptedBytesEndInRowsOrUnreadable(String kind, List<Integer> positions, int xor,
			boolean truncate) throws IOException {
		byte[] b = valid(kind);
		for (int p : positions) {
			b[p % b.length] ^= (byte) xor;
		}
		if (truncate) {
			b = Arrays.copyOf(b, Math.max(1, b.length - positions.get(0) % b.length));
		}
		Path dir = Files.createTempDirectory("corrupt");
		Path f = TestFiles.bytes(dir, kind.equals("xls") ? "c.xls" : "c.xlsx", b);
		try (SheetCursor c = Workbooks.open(f, SheetSelector.first(), ReadLimits.defaults())) {
			while (c.hasNext()) {
				assertThat(c.next().rowNumber()).isPositive();
			}
		}
		catch (UnreadableFileException expected) {
			assertThat(expected.reason()).isNotBlank().doesNotContain("\n");
			assertThat(expected.file()).isEqualTo(f);
		}
		finally {
			Files.delete(f);
			Files.delete(dir);
		}
	}

	static Gen<String> kinds() {
		return arbitrary().pick("xlsx", "sxssf", "xls");
	}

}
