package org.tally.reporting.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tally.catalog.Catalog;
import org.tally.catalog.CatalogException;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SqlIdentifier;

/**
 * The SQL of a declared summary: a table of per-load aggregates in the warehouse schema
 * (written once per load, at its promotion) and reporting.&lt;name&gt;, which adds up the
 * current loads' aggregates by period. Whether a load is current stays the registry's
 * answer, so a superseded load drops out of the view without rewriting anything.
 * Identifiers are checked against the catalog and quoted.
 */
public final class SummaryTables {

	private SummaryTables() {
	}

	/** The table's columns, in order: the load, then what the view shows of it. */
	public static List<String> tableColumns(ReportingSettings.Summary summary) {
		return columns("load_id", summary);
	}

	/** The view's columns, in order. */
	public static List<String> viewColumns(ReportingSettings.Summary summary) {
		return columns("period", summary);
	}

	private static List<String> columns(String first, ReportingSettings.Summary summary) {
		List<String> columns = new ArrayList<>();
		columns.add(first);
		columns.addAll(summary.by());
		columns.add("rows");
		columns.addAll(summary.sum());
		return columns;
	}

	public static String table(ReportingSettings.Summary summary) {
		return "warehouse." + SqlIdentifier.quote(summary.name() + "_summary");
	}

	public static String view(ReportingSettings.Summary summary) {
		return "reporting." + SqlIdentifier.quote(summary.name());
	}

	public static String createTable(ReportingSettings.Summary summary, DatasetDefinition dataset) {
		StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table(summary))
			.append(" (load_id bigint NOT NULL");
		for (String by : summary.by()) {
			ddl.append(", ").append(SqlIdentifier.quote(by)).append(' ').append(column(dataset, by).type().sqlType());
		}
		ddl.append(", rows bigint NOT NULL");
		for (String sum : summary.sum()) {
			ddl.append(", ").append(SqlIdentifier.quote(sum)).append(" numeric");
		}
		return ddl.append(')').toString();
	}

	public static String createIndex(ReportingSettings.Summary summary) {
		return "CREATE INDEX ON " + table(summary) + " (load_id)";
	}

	/**
	 * {@code CREATE OR REPLACE VIEW}: the current loads' aggregates added up by period.
	 */
	public static String createView(ReportingSettings.Summary summary) {
		StringBuilder select = new StringBuilder();
		StringBuilder group = new StringBuilder("l.period");
		for (String by : summary.by()) {
			String name = SqlIdentifier.quote(by);
			select.append(", s.").append(name).append(" AS ").append(name);
			group.append(", s.").append(name);
		}
		select.append(", CAST(sum(s.rows) AS bigint) AS rows");
		for (String sum : summary.sum()) {
			String name = SqlIdentifier.quote(sum);
			select.append(", sum(s.").append(name).append(") AS ").append(name);
		}
		return "CREATE OR REPLACE VIEW " + view(summary) + " WITH (security_barrier) AS SELECT l.period AS period"
				+ select + " FROM " + table(summary) + " s JOIN registry.load l ON l.id = s.load_id"
				+ " WHERE l.is_current AND l.status = 'loaded' GROUP BY " + group;
	}

	/**
	 * Aggregates the current loads of the dataset that have no rows in the summary yet
	 * (one argument: the dataset's name). A load without rows is looked at again each
	 * time, which costs one empty index lookup.
	 */
	public static String summarizeMissing(ReportingSettings.Summary summary) {
		StringBuilder columns = new StringBuilder("load_id");
		StringBuilder select = new StringBuilder("d.load_id");
		StringBuilder group = new StringBuilder("d.load_id");
		for (String by : summary.by()) {
			String name = SqlIdentifier.quote(by);
			columns.append(", ").append(name);
			select.append(", d.").append(name);
			group.append(", d.").append(name);
		}
		columns.append(", rows");
		select.append(", count(*)");
		for (String sum : summary.sum()) {
			String name = SqlIdentifier.quote(sum);
			columns.append(", ").append(name);
			select.append(", sum(d.").append(name).append(')');
		}
		return "INSERT INTO " + table(summary) + " (" + columns + ") SELECT " + select + " FROM warehouse."
				+ SqlIdentifier.quote(summary.dataset()) + " d WHERE d.load_id IN (SELECT l.id FROM registry.load l"
				+ " WHERE l.dataset = ? AND l.is_current AND l.status = 'loaded' AND NOT EXISTS (SELECT 1 FROM "
				+ table(summary) + " s WHERE s.load_id = l.id)) GROUP BY " + group;
	}

	/** A summary must name its dataset's columns: by any, sum numeric ones. */
	static void check(Path file, List<ReportingSettings.Summary> summaries, Catalog catalog) {
		Set<String> names = new HashSet<>();
		for (ReportingSettings.Summary summary : summaries) {
			String where = file + ": summary '" + summary.name() + "'";
			if (summary.name() == null || !SqlIdentifier.valid(summary.name())) {
				throw new CatalogException(where + ": 'name' must be a lower-case identifier");
			}
			if (!names.add(summary.name()) || catalog.datasets().containsKey(summary.name())
					|| DatasetViews.FIXED_VIEWS.contains(summary.name())) {
				throw new CatalogException(
						where + " takes the name of another summary, a dataset or a fixed view: name it otherwise");
			}
			DatasetDefinition dataset = catalog.datasets().get(summary.dataset());
			if (dataset == null) {
				throw new CatalogException(where + ": 'dataset' = '" + summary.dataset()
						+ "' is not declared (declared: " + catalog.datasets().keySet() + ")");
			}
			if (summary.sum().isEmpty()) {
				throw new CatalogException(where + ": 'sum' names no column");
			}
			for (String by : summary.by()) {
				if (column(dataset, by) == null) {
					throw new CatalogException(
							where + ": 'by' column '" + by + "' is not a column of " + dataset.name());
				}
			}
			for (String sum : summary.sum()) {
				ColumnDefinition column = column(dataset, sum);
				if (column == null || !(column.type() == ColumnType.MONEY || column.type() == ColumnType.DECIMAL
						|| column.type() == ColumnType.INTEGER) || summary.by().contains(sum)) {
					throw new CatalogException(where + ": 'sum' column '" + sum + "' is not a numeric column of "
							+ dataset.name() + " outside 'by'");
				}
			}
			if (summary.by().contains("rows") || summary.sum().contains("rows")) {
				throw new CatalogException(where + ": 'rows' is the summary's own count column");
			}
		}
	}

	private static ColumnDefinition column(DatasetDefinition dataset, String name) {
		return dataset.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
	}

}
