package org.tally.validate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.ingest.SourceRow;
import org.tally.ingest.workbook.RawCell;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every skipped row as rejects a department can act on: one per cell problem,
 * with the cell reference, raw value, bilingual reason and the original row beside it.
 */
public class RejectRecorder implements SkipListener<SourceRow, Object> {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	public RejectRecorder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void onSkipInProcess(SourceRow row, Throwable failure) {
		if (!(failure instanceof RowRejectedException rejected)) {
			throw new IllegalStateException("only rejected rows are skipped, not " + failure, failure);
		}
		String rowJson = json.writeValueAsString(rowValues(row));
		for (CellProblem problem : rejected.problems()) {
			jdbc.sql("""
					INSERT INTO registry.reject (load_id, sheet, row_number, cell_ref, column_name, raw_value,
					                             reason_zh, reason_en, row_values)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")
				.params(row.context().load().id(), row.context().sheet(), row.rowNumber(), problem.cellRef(),
						problem.column(), storable(problem.rawValue()), storable(problem.reasonZh()),
						storable(problem.reasonEn()), rowJson)
				.update();
		}
	}

	private static Map<String, String> rowValues(SourceRow row) {
		Map<String, String> values = new LinkedHashMap<>();
		for (RawCell cell : row.raw().cells()) {
			values.put(cell.reference(row.rowNumber()), storable(cell.value()));
		}
		return values;
	}

	/**
	 * PostgreSQL text and jsonb refuse U+0000: the reject shows it as ␀ (U+2400), the
	 * symbol for it.
	 */
	private static String storable(String text) {
		return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\u2400');
	}

}
