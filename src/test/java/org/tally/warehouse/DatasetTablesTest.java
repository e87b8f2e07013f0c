package org.tally.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.tally.reporting.ReportingViews;
import org.tally.support.TallyTest;
import org.tally.support.TestWarehouse;

/**
 * A dataset declaration creates and extends its tables, and never changes them
 * destructively.
 */
@TallyTest
class DatasetTablesTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestWarehouse warehouse;

	@AfterEach
	void dropTestTables() {
		warehouse.dropDataset("widgets");
	}

	@Test
	void givenANewDataset_itsWarehouseTableIsCreatedWithTheDeclaredTypes() {
		tablesFor(column("code", ColumnType.CODE), column("amount", ColumnType.MONEY)).prepare();

		assertThat(columns("warehouse")).containsEntry("code", "text")
			.containsEntry("amount", "numeric(20,2)")
			.containsEntry("load_id", "bigint")
			.containsEntry("row_number", "integer");
		assertThat(columns("staging")).as("rows are staged in the warehouse table itself").isEmpty();
	}

	@Test
	void givenAColumnAddedToTheDeclaration_itIsAddedToTheExistingTables() {
		tablesFor(column("code", ColumnType.CODE)).prepare();

		tablesFor(column("code", ColumnType.CODE), column("signed_on", ColumnType.DATE)).prepare();

		assertThat(columns("warehouse")).containsEntry("signed_on", "date");
	}

	@Test
	void givenAColumnWhoseTypeChanged_preparingFailsNamingTheColumnAndChangesNothing() {
		tablesFor(column("amount", ColumnType.MONEY)).prepare();

		assertThatThrownBy(() -> tablesFor(column("amount", ColumnType.DATE)).prepare())
			.isInstanceOf(DatasetSchemaException.class)
			.hasMessageContaining("column 'amount'")
			.hasMessageContaining("never changes a column's type");
		assertThat(columns("warehouse")).containsEntry("amount", "numeric(20,2)");
	}

	@Test
	void givenAColumnRemovedFromTheDeclaration_theColumnAndItsDataStay() {
		tablesFor(column("code", ColumnType.CODE), column("note", ColumnType.TEXT)).prepare();

		tablesFor(column("code", ColumnType.CODE)).prepare();

		assertThat(columns("warehouse")).containsKeys("code", "note");
	}

	@Test
	void givenRowsAnOlderVersionStagedForAnUnpromotedLoad_theyMoveToTheWarehouseTableOnce() {
		jdbc.sql("CREATE TABLE staging.widgets (load_id bigint NOT NULL, row_number integer NOT NULL, code text)")
			.update();
		long staged = load("staged");
		long loaded = load("loaded");
		jdbc.sql("INSERT INTO staging.widgets VALUES (?, 4, 'A'), (?, 5, 'B'), (?, 4, 'OLD')")
			.params(staged, staged, loaded)
			.update();

		tablesFor(column("code", ColumnType.CODE)).prepare();
		tablesFor(column("code", ColumnType.CODE)).prepare();

		assertThat(jdbc.sql("SELECT load_id || ':' || code FROM warehouse.widgets ORDER BY row_number, code")
			.query(String.class)
			.list()).containsExactly(staged + ":A", staged + ":B");
		assertThat(jdbc.sql("SELECT code FROM staging.widgets").query(String.class).list())
			.as("rows of promoted loads were already copied by the older version")
			.containsExactly("OLD");
	}

	private long load(String status) {
		return jdbc
			.sql("""
					INSERT INTO registry.load (run_id, source_id, department, dataset, file_path, file_name, sha256, size_bytes,
					                           status)
					VALUES (0, 'widgets', 'test', 'widgets', ?, ?, ?, 1, ?) RETURNING id""")
			.params("test/" + status + System.nanoTime(), status, "sha-" + System.nanoTime(), status)
			.query(Long.class)
			.single();
	}

	private DatasetTables tablesFor(ColumnDefinition... columns) {
		DatasetDefinition widgets = new DatasetDefinition("widgets", "test", List.of(), List.of(columns));
		// A directory without reporting.yml: the test's catalog declares no counties.
		Catalog catalog = new Catalog(Path.of("target/widgets-config"), Map.of("widgets", widgets), List.of(), Map.of(),
				List.of(), List.of());
		return new DatasetTables(jdbc, catalog, new ReportingViews(jdbc, catalog));
	}

	private static ColumnDefinition column(String name, ColumnType type) {
		return new ColumnDefinition(name, type, false, null, name);
	}

	private Map<String, String> columns(String schema) {
		return jdbc.sql("""
				SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
				JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = ? AND c.relname = 'widgets' AND a.attnum > 0 AND NOT a.attisdropped""")
			.param(schema)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
