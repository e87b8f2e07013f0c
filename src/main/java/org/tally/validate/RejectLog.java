package org.tally.validate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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

	private static final String SELECT = """
			SELECT l.run_id, l.id, l.source_id, l.department, l.file_path, l.period, l.status, r.sheet,
			       r.row_number, r.cell_ref, r.column_name, r.raw_value, r.reason_zh, r.reason_en, r.row_values::text, r.id
			FROM registry.reject r JOIN registry.load l ON l.id = r.load_id
			""";

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
		return jdbc.sql(SELECT + """
				WHERE l.run_id = ?
				ORDER BY l.id, r.row_number, r.id""").param(runId).query(this::reject).list();
	}

	/** How many rejects a run recorded, counted by the database. */
	public long count(long runId) {
		return jdbc.sql("""
				SELECT count(*) FROM registry.reject r JOIN registry.load l ON l.id = r.load_id
				WHERE l.run_id = ?""").param(runId).query(Long.class).single();
	}

	/**
	 * At most {@code size} rejects of a run in the order of {@link #rejects(long)}: those
	 * after the key {@code after}, or the last ones before the key {@code before}, or the
	 * first ones when both are null.
	 */
	public RejectsPage page(long runId, RejectsPage.Key after, RejectsPage.Key before, int size) {
		if (size < 1) {
			throw new IllegalArgumentException("a page holds at least one reject, not " + size);
		}
		boolean backwards = after == null && before != null;
		RejectsPage.Key from = backwards ? before : after == null ? RejectsPage.Key.START : after;
		// One more than the page, to know whether a page follows; the row comparison
		// walks
		// the index (load_id, row_number, id), so a page deep in the run costs what the
		// first does.
		// The run's loads first (a few), then the rejects among them: "load_id = ANY"
		// walks
		// the index (load_id, row_number, id) in order, so the page stops after size + 1
		// rows.
		Long[] loads = jdbc.sql("SELECT id FROM registry.load WHERE run_id = ?")
			.param(runId)
			.query(Long.class)
			.list()
			.toArray(Long[]::new);
		// One more than the page, to know whether a page follows.
		List<Keyed> rows = jdbc.sql(SELECT + (backwards ? """
				WHERE r.load_id = ANY(:loads) AND (r.load_id, r.row_number, r.id) < (:load, :row, :id)
				ORDER BY r.load_id DESC, r.row_number DESC, r.id DESC LIMIT :limit""" : """
				WHERE r.load_id = ANY(:loads) AND (r.load_id, r.row_number, r.id) > (:load, :row, :id)
				ORDER BY r.load_id, r.row_number, r.id LIMIT :limit"""))
			.param("loads", loads)
			.param("load", from.loadId())
			.param("row", from.rowNumber())
			.param("id", from.rejectId())
			.param("limit", size + 1)
			.query((rs, n) -> new Keyed(reject(rs, n),
					new RejectsPage.Key(rs.getLong(2), rs.getInt(9), rs.getLong(16))))
			.list();
		boolean more = rows.size() > size;
		List<Keyed> shown = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
		if (backwards) {
			Collections.reverse(shown);
		}
		boolean earlier = backwards ? more : after != null;
		boolean later = backwards || more;
		return new RejectsPage(shown.stream().map(Keyed::reject).toList(), count(runId),
				earlier && !shown.isEmpty() ? shown.get(0).key() : null,
				later && !shown.isEmpty() ? shown.get(shown.size() - 1).key() : null);
	}

	private record Keyed(RejectedCell reject, RejectsPage.Key key) {
	}

	private RejectedCell reject(ResultSet rs, int n) throws SQLException {
		return new RejectedCell(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10),
				rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
				inColumnOrder(rs.getString(15)));
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
