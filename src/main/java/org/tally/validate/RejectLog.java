package org.tally.validate;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the recorded rejects back, per run, in file, row and cell order. */
@Component
public class RejectLog {

	private static final TypeReference<LinkedHashMap<String, String>> ROW = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	RejectLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest run that saw any file, if there was one. */
	public Optional<Long> latestRun() {
		return jdbc.sql("SELECT max(run_id) FROM registry.load").query(Long.class).optional();
	}

	/**
	 * Every reject of the files a run read, file by file (in reading registration order),
	 * row by row.
	 */
	public List<RejectedCell> rejects(long runId) {
		// jsonb reorders keys (shorter first), so the row's cells are put back in column
		// order below.
		return jdbc
			.sql("""
					SELECT l.run_id, l.id, l.source_id, l.department, l.file_path, l.period, l.status, r.sheet,
					       r.row_number, r.cell_ref, r.column_name, r.raw_value, r.reason_zh, r.reason_en, r.row_values::text
					FROM registry.reject r JOIN registry.load l ON l.id = r.load_id
					WHERE l.run_id = ?
					ORDER BY l.id, r.row_number, r.id""")
			.param(runId)
			.query((rs, n) -> new RejectedCell(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getInt(9),
					rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
					inColumnOrder(rs.getString(15))))
			.list();
	}

	private Map<String, String> inColumnOrder(String rowJson) {
		if (rowJson == null) {
			return Map.of();
		}
		Map<String, String> cells = json.readValue(rowJson, ROW);
		Map<String, String> ordered = new LinkedHashMap<>();
		cells.keySet()
			.stream()
			.sorted(Comparator.comparingInt(RejectLog::columnIndex))
			.forEach(ref -> ordered.put(ref, cells.get(ref)));
		return ordered;
	}

	/** 0-based column of a reference such as "AB17". */
	static int columnIndex(String cellRef) {
		int column = 0;
		for (int i = 0; i < cellRef.length() && Character.isLetter(cellRef.charAt(i)); i++) {
			column = column * 26 + (Character.toUpperCase(cellRef.charAt(i)) - 'A' + 1);
		}
		return column - 1;
	}

}
