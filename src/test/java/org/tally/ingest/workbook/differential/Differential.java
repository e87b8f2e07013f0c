package org.tally.ingest.workbook.differential;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads each workbook with POI and with Tally, every sheet POI lists (hidden ones
 * included, by name), and compares them.
 */
final class Differential {

	private Differential() {
	}

	static Comparison compare(Collection<Path> workbooks) {
		Comparison comparison = new Comparison();
		for (Path file : workbooks) {
			String format = file.getFileName().toString().toLowerCase().endsWith(".xls") ? "xls" : "xlsx";
			Reading reference = PoiReader.read(file, format);
			List<String> sheets = new ArrayList<>(reference.sheets().keySet());
			Reading tally = TallyReader.read(file, sheets);
			comparison.add(file.toString(), format, tally, reference);
		}
		return comparison;
	}

}
