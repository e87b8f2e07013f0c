package org.tally.warehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tally.catalog.Catalog;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SqlIdentifier;
import org.tally.reporting.ReportingViews;

/**
 * Derives warehouse.&lt;dataset&gt; from the dataset declarations: creates missing
 * tables, adds new columns, and refuses (with the column named) any change that would
 * destroy data, such as a new type for an existing column. Dropped declarations leave
 * columns in place. (Earlier versions staged rows in a copy, staging.&lt;dataset&gt;;
 * such tables are left as they are, no longer written.) The reporting views over the
 * tables follow in the same transaction.
 */
@Component
public class DatasetTables {

	private static final Logger log = LoggerFactory.getLogger(DatasetTables.class);

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final ReportingViews views;

	DatasetTables(JdbcClient jdbc, Catalog catalog, ReportingViews views) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.views = views;
	}

	@Transactional
	public void prepare() {
		for (DatasetDefinition dataset : catalog.datasets().values()) {
			prepare("warehouse", dataset);
			moveLegacyStagedRows(dataset);
		}
		views.refresh();
	}

	/**
	 * A run that failed after staging, under a version that staged into
	 * staging.&lt;dataset&gt;, is restarted by this one, whose promotion counts a load's
	 * rows in the warehouse table: the rows of loads still waiting for promotion move
	 * there, once, so the restart promotes them whole.
	 */
	private void moveLegacyStagedRows(DatasetDefinition dataset) {
		Map<String, String> legacy = existingColumns("staging", dataset.name());
		// An empty legacy table needs no registry lookup; one that still holds the rows
		// of long
		// promoted loads is joined only when some load of the dataset waits for
		// promotion.
		if (legacy.isEmpty()
				|| !jdbc.sql("SELECT EXISTS (SELECT 1 FROM staging." + SqlIdentifier.quote(dataset.name()) + ")")
					.query(Boolean.class)
					.single()
				|| !jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry.load WHERE dataset = ? AND status = 'staged')")
					.param(dataset.name())
					.query(Boolean.class)
					.single()) {
			return;
		}
		String columns = dataset.columns()
			.stream()
			.map(ColumnDefinition::name)
			.filter(legacy::containsKey)
			.map(SqlIdentifier::quote)
			.collect(Collectors.joining(", ", "load_id, row_number, ", ""));
		String name = SqlIdentifier.quote(dataset.name());
		int moved = jdbc.sql("""
				WITH moved AS (
				  DELETE FROM staging.%1$s s USING registry.load l
				  WHERE l.id = s.load_id AND l.status = 'staged' RETURNING s.*)
				INSERT INTO warehouse.%1$s (%2$s) SELECT %2$s FROM moved""".formatted(name, columns)).update();
		if (moved > 0) {
			log.info("Moved {} staged rows of unpromoted loads from staging.{} to warehouse.{}", moved, dataset.name(),
					dataset.name());
		}
	}

	private void prepare(String schema, DatasetDefinition dataset) {
		String table = schema + "." + SqlIdentifier.quote(dataset.name());
		Map<String, String> existing = existingColumns(schema, dataset.name());
		if (existing.isEmpty()) {
			StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table)
				.append(" (")
				.append("load_id bigint NOT NULL, row_number integer NOT NULL");
			for (ColumnDefinition column : dataset.columns()) {
				ddl.append(", ").append(SqlIdentifier.quote(column.name())).append(' ').append(column.type().sqlType());
			}
			jdbc.sql(ddl.append(")").toString()).update();
			log.info("Created table {} for dataset {}", table, dataset.name());
		}
		else {
			// Tables from before 0.1's bulk-load tuning carried a primary key and a
			// foreign key to
			// registry.load: one index entry and one trigger per row loaded. Dropping
			// them loses no data;
			// loads write their rows once, and `tally verify-integrity` checks rows
			// against the registry.
			// Only when present: ALTER TABLE takes an ACCESS EXCLUSIVE lock even when
			// there
			// is nothing to drop, and would wait for a backup's reads (and stall the
			// console's behind it).
			for (String constraint : List.of(dataset.name() + "_pkey", dataset.name() + "_load_id_fkey")) {
				if (hasConstraint(schema, dataset.name(), constraint)) {
					jdbc.sql("ALTER TABLE " + table + " DROP CONSTRAINT " + SqlIdentifier.quote(constraint)).update();
				}
			}
		}
		// Rows arrive load after load, so a BRIN index finds a load's rows at almost no
		// cost to COPY.
		jdbc.sql("CREATE INDEX IF NOT EXISTS " + SqlIdentifier.quote(dataset.name() + "_by_load") + " ON " + table
				+ " USING brin (load_id)")
			.update();
		if (existing.isEmpty()) {
			return;
		}
		for (ColumnDefinition column : dataset.columns()) {
			String current = existing.get(column.name());
			String wanted = column.type().sqlType();
			if (current == null) {
				jdbc.sql("ALTER TABLE " + table + " ADD COLUMN " + SqlIdentifier.quote(column.name()) + " " + wanted)
					.update();
				log.info("Added column {}.{} ({})", table, column.name(), wanted);
			}
			else if (!sameType(current, wanted)) {
				throw new DatasetSchemaException("dataset '" + dataset.name() + "' declares column '" + column.name()
						+ "' as " + column.type().name().toLowerCase(Locale.ROOT) + " (" + wanted + "), but " + table
						+ " already holds it as " + current + "; Tally never changes a column's type: declare a new "
						+ "column name, or migrate the table by hand");
			}
		}
	}

	private boolean hasConstraint(String schema, String table, String constraint) {
		return jdbc
			.sql("""
					SELECT EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
					JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND k.conname = ?)""")
			.params(schema, table, constraint)
			.query(Boolean.class)
			.single();
	}

	private Map<String, String> existingColumns(String schema, String table) {
		Map<String, String> columns = new HashMap<>();
		jdbc.sql("""
				SELECT a.attname, format_type(a.atttypid, a.atttypmod)
				FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped""")
			.params(schema, table)
			.query((rs, n) -> columns.put(rs.getString(1), rs.getString(2)))
			.list();
		return columns;
	}

	private static boolean sameType(String current, String wanted) {
		return current.equals(wanted) || current.replace("character varying", "text").equals(wanted);
	}

}
