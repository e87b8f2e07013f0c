package org.tally.answer.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sheet each file of a run was read from, the header text of its columns by letter,
 * and the letter of each dataset column, as ingest recorded them.
 */
@Component
public class LoadHeaders {

	private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	LoadHeaders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What ingest recorded of one load's layout. */
	public record Layout(String sheet, Map<String, String> headerTexts, Map<String, String> columnLetters) {

		static final Layout NONE = new Layout(null, Map.of(), Map.of());

	}

	/** The layouts of a run's loads, by load id; loads never opened have none. */
	public Map<Long, Layout> ofRun(long runId) {
		Map<Long, Layout> layouts = new HashMap<>();
		jdbc.sql("""
				SELECT l.id, l.sheet, l.header_texts::text,
				       (SELECT jsonb_object_agg(c.column_name, c.column_letter)::text
				        FROM registry.load_column c WHERE c.load_id = l.id)
				FROM registry.load l WHERE l.run_id = ?""").param(runId).query(rs -> {
			layouts.put(rs.getLong(1), new Layout(rs.getString(2), map(rs.getString(3)), map(rs.getString(4))));
		});
		return layouts;
	}

	public static Layout none() {
		return Layout.NONE;
	}

	private Map<String, String> map(String text) {
		return text == null ? Map.of() : json.readValue(text, TEXTS);
	}

}
