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
import org.tally.support.TallyTest;

/** A dataset declaration creates and extends its tables, and never changes them destructively. */
@TallyTest
class DatasetTablesTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropTestTables() {
		jdbc.sql("DROP TABLE IF EXISTS staging.widgets, warehouse.widgets").update();
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

	private DatasetTables tablesFor(ColumnDefinition... columns) {
		DatasetDefinition widgets = new DatasetDefinition("widgets", "test", List.of(), List.of(columns));
		Catalog catalog = new Catalog(Path.of("config"), Map.of("widgets", widgets), List.of(), Map.of(), List.of(),
				List.of());
		return new DatasetTables(jdbc, catalog);
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
