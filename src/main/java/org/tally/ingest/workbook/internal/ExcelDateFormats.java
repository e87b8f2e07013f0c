package org.tally.ingest.workbook.internal;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/** Whether an Excel number format shows a date, for XLSX styles and XLS cells alike. */
public final class ExcelDateFormats {

	private ExcelDateFormats() {
	}

	/**
	 * POI knows the international built-in date formats only; ids 27-36 and 50-58 are the
	 * East Asian built-in date formats (ECMA-376 18.8.30), which Chinese Excel writes
	 * without a code.
	 */
	public static boolean isDateFormat(int id, String code) {
		if (code == null || code.startsWith("reserved-0x")) {
			if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
				return true;
			}
			code = BuiltinFormats.getBuiltinFormat(id);
			if (code == null) {
				return false;
			}
		}
		return DateUtil.isADateFormat(id, code);
	}

}
