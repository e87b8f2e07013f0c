package org.tally.reporting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SqlIdentifier;

/**
 * The SQL of reporting.&lt;dataset&gt;: the dataset's rows of current loads only, with
 * period, department and provenance first, then the declared columns. Identifiers are
 * validated and quoted; labels reach SQL only as bound values (see
 * {@link #commentsQuery()}).
 */
public final class DatasetViews {

	/** Names the fixed views of V39 take: no dataset may have them. */
	public static final List<String> FIXED_VIEWS = List.of("period", "county", "department", "files", "figures",
			"figure_history", "checks");

	/** Provenance columns every dataset view starts with, and their labels. */
	static final Map<String, String> PROVENANCE = provenance();

	private DatasetViews() {
	}

	private static Map<String, String> provenance() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("period", "报告期");
		columns.put("department", "报送部门代码");
		columns.put("source_id", "数据来源");
		columns.put("source_file", "来源文件");
		columns.put("sheet", "工作表");
		columns.put("source_row", "来源行号");
		columns.put("load_id", "入库批次号");
		return columns;
	}

	/** The view's column names, in order. */
	public static List<String> columns(DatasetDefinition dataset) {
		List<String> columns = new ArrayList<>(PROVENANCE.keySet());
		dataset.columns().forEach(c -> columns.add(c.name()));
		return columns;
	}

	/** Column name to its Chinese label (the declared label, or its name). */
	public static Map<String, String> labels(DatasetDefinition dataset) {
		Map<String, String> labels = new LinkedHashMap<>(PROVENANCE);
		for (ColumnDefinition column : dataset.columns()) {
			labels.put(column.name(),
					column.label() == null || column.label().isBlank() ? column.name() : column.label().strip());
		}
		return labels;
	}

	/** A dataset column named like a provenance column would hide it. */
	public static List<String> clashes(DatasetDefinition dataset) {
		return dataset.columns().stream().map(ColumnDefinition::name).filter(PROVENANCE::containsKey).toList();
	}

	public static String qualifiedName(DatasetDefinition dataset) {
		return "reporting." + SqlIdentifier.quote(dataset.name());
	}

	/**
	 * {@code CREATE [OR REPLACE] VIEW}: security_barrier, so that no function of a
	 * reader's query sees the rows of superseded or unpromoted loads the view leaves out.
	 */
	public static String create(DatasetDefinition dataset, boolean orReplace) {
		StringBuilder sql = new StringBuilder(orReplace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ")
			.append(qualifiedName(dataset))
			.append(" WITH (security_barrier) AS SELECT l.period AS period, l.department AS department,")
			.append(" l.source_id AS source_id, l.file_name AS source_file, l.sheet AS sheet,")
			.append(" d.row_number AS source_row, d.load_id AS load_id");
		for (ColumnDefinition column : dataset.columns()) {
			String name = SqlIdentifier.quote(column.name());
			sql.append(", d.").append(name).append(" AS ").append(name);
		}
		return sql.append(" FROM warehouse.")
			.append(SqlIdentifier.quote(dataset.name()))
			.append(" d JOIN registry.load l ON l.id = d.load_id WHERE l.is_current AND l.status = 'loaded'")
			.toString();
	}

	/**
	 * One statement per argument triple (view, column or null for the view, label): the
	 * server quotes identifiers and the label itself (format's %I and %L).
	 */
	public static String commentsQuery() {
		return """
				SELECT CASE WHEN c IS NULL THEN format('COMMENT ON VIEW reporting.%I IS %L', v, t)
				            ELSE format('COMMENT ON COLUMN reporting.%I.%I IS %L', v, c, t) END
				FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS x (v, c, t)""";
	}

	/**
	 * The columns of a relation as the server has them, in order; none when it does not
	 * exist. {@code kind} is pg_class.relkind: 'v' a view, 'r' a table.
	 */
	public static List<String> existingColumns(JdbcClient jdbc, String schema, String relation, char kind) {
		return jdbc.sql("""
				SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
				JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = ? AND c.relname = ? AND c.relkind = CAST(? AS "char") AND a.attnum > 0
				  AND NOT a.attisdropped ORDER BY a.attnum""")
			.params(schema, relation, String.valueOf(kind))
			.query(String.class)
			.list();
	}

}
