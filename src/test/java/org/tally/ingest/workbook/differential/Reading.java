package org.tally.ingest.workbook.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reader saw in one file: per sheet (workbook order), the non-blank cells by
 * reference ("B7"), and the visible sheet names as the reader lists them.
 */
record Reading(String reader, Map<String, Map<String, Cell>> sheets, List<String> visibleSheets) {

	/**
	 * One cell: its typed value and what the reader knows beside it (to check a named
	 * difference's condition, never to compute the value).
	 */
	record Cell(Typed value, Facts facts) {
	}

	/**
	 * Facts beside the value: the stored number text or formula, the format id, whether a
	 * cached result is stored. Null where a reader does not know.
	 */
	record Facts(String stored, String formula, Boolean cachedValueStored, Integer formatId, Double poiNumber) {

		static final Facts NONE = new Facts(null, null, null, null, null);

	}

	static Map<String, Map<String, Cell>> newSheets() {
		return new LinkedHashMap<>();
	}

}
