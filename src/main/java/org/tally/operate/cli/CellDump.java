package org.tally.operate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.Workbooks;
import tools.jackson.databind.json.JsonMapper;

/**
 * `tally inspect --cells`: every non-blank cell of a sheet exactly as Tally's reader
 * returns it, one JSON object a line, to compare with any other reader.
 */
final class CellDump {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CellDump() {
	}

	static void write(Path file, SheetSelector sheet, PrintWriter out) {
		try (SheetCursor cursor = Workbooks.open(file, sheet, ReadLimits.defaults())) {
			while (cursor.hasNext()) {
				RawRow row = cursor.next();
				for (RawCell cell : row.cells()) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("sheet", cursor.sheetName());
					line.put("cell", cell.reference(row.rowNumber()));
					line.put("kind", cell.kind().name());
					line.put("value", cell.value());
					line.put("numberFormat", cell.numberFormat());
					line.put("date", cell.dateFormatted());
					out.println(JSON.writeValueAsString(line));
				}
			}
		}
	}

}
