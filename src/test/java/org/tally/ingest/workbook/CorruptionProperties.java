package org.tally.ingest.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Any corruption of a valid file ends either in rows or in one UnreadableFileException.
 */
class CorruptionProperties {

	private static byte[] valid(String kind) throws IOException {
		Path dir = Files.createTempDirectory("corrupt");
		try {
			java.util.function.Consumer<Workbook> fill = wb -> {
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

	@Property(tries = 120)
	void corrupted_bytes_never_escape_as_anything_but_unreadable(@ForAll("kinds") String kind,
			@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions,
			@ForAll @IntRange(min = 1, max = 255) int xor, @ForAll boolean truncate) throws IOException {
		byte[] b = valid(kind);
		for (int p : positions) {
			b[p % b.length] ^= (byte) xor;
		}
		if (truncate) {
			b = java.util.Arrays.copyOf(b, Math.max(1, b.length - positions.get(0) % b.length));
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

	@net.jqwik.api.Provide
	net.jqwik.api.Arbitrary<String> kinds() {
		return net.jqwik.api.Arbitraries.of("xlsx", "sxssf", "xls");
	}

}
