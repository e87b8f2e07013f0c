package org.tally.ingest.workbook.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads each workbook with POI and with Tally, every sheet POI lists (hidden ones
 * included, by name), and compares them. A Strict OOXML workbook is read by POI through
 * its Transitional twin ({@link StrictAsTransitional}).
 */
final class Differential {

	private Differential() {
	}

	static Comparison compare(Collection<Path> workbooks) {
		Comparison comparison = new Comparison();
		for (Path file : workbooks) {
			String format = file.getFileName().toString().toLowerCase().endsWith(".xls") ? "xls" : "xlsx";
			Reading reference = format.equals("xlsx") && StrictAsTransitional.isStrict(file) ? strict(file)
					: PoiReader.read(file, format);
			List<String> sheets = new ArrayList<>(reference.sheets().keySet());
			Reading tally = TallyReader.read(file, sheets);
			comparison.add(file.toString(), format, tally, reference);
		}
		return comparison;
	}

	private static Reading strict(Path file) {
		Path twin = null;
		try {
			twin = Files.createTempFile("transitional-twin", ".xlsx");
			return PoiReader.read(StrictAsTransitional.rewrite(file, twin), "xlsx");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (twin != null) {
				twin.toFile().delete();
			}
		}
	}

}
