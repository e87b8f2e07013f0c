package org.tally.validate;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded reject, with the file it came from: what a department is sent back.
 * {@code rowValues} is the original row as read, by cell reference ({"A17":
 * "JC2024-0001", ...}), in column order.
 */
public record RejectedCell(long runId, long loadId, String sourceId, String department, String filePath,
		LocalDate period, String loadStatus, String sheet, int rowNumber, String cellRef, String column,
		String rawValue, String reasonZh, String reasonEn, Map<String, String> rowValues) {

	public RejectedCell {
		rowValues = rowValues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rowValues));
	}
}
