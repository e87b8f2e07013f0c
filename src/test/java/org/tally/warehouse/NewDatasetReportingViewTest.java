package org.tally.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.internal.CatalogLoader;
import org.tally.reporting.ReportingViews;
import org.tally.support.TallyTest;
import org.tally.support.TestWarehouse;

/**
 * A department added by YAML alone (a dataset file and a source file) gets its reporting
 * view, labelled and joined to the dimensions, when the next run prepares the dataset
 * tables; the view shows the current load's rows only.
 */
@TallyTest
class NewDatasetReportingViewTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatasetTables tables;

	@Autowired
	TestWarehouse warehouse;

	@TempDir
	Path config;

	@AfterEach
	void dropTheNewDataset() {
		warehouse.dropDataset("gardens");
		tables.prepare();
	}

	@Test
	void givenANewDepartmentByYamlAlone_itsViewAppearsInTheNextRunWithCurrentRowsOnly() throws IOException {
		copyProjectConfig();
		Files.writeString(config.resolve("datasets/gardens.yml"), """
				name: gardens
				label: 园林绿化对口合作
				key: [garden_code]
				columns:
				  - { name: garden_code, type: code,  required: true, label: 园区编号 }
				  - { name: county,      type: enum,  required: true, label: 所在县区, vocabulary: counties }
				  - { name: area,        type: decimal, required: false, label: 面积（公顷） }
				""");
		Files.writeString(config.resolve("sources/parks-gardens.yml"), """
				id: parks-gardens
				department: parks
				departmentName: 市园林局
				dataset: gardens
				inbox: "parks/*.xlsx"
				period: { from: filename }
				columns:
				  garden_code: { aliases: [园区编号] }
				  county:      { aliases: [所在县区] }
				  area:        { aliases: [面积] }
				""");
		Catalog catalog = CatalogLoader.load(config);

		new DatasetTables(jdbc, catalog, new ReportingViews(jdbc, catalog)).prepare();
		long current = load("current", true);
		long superseded = load("superseded", false);
		jdbc.sql("INSERT INTO warehouse.gardens (load_id, row_number, garden_code, county, area) VALUES (?, 3, 'G1', "
				+ "'潞州区', 1.5), (?, 3, 'G0', '潞州区', 9)")
			.params(current, superseded)
			.update();

		assertThat(jdbc.sql("""
				SELECT g.garden_code || ' ' || c.code || ' ' || d.name || ' ' || p.label || ' ' || g.source_file
				FROM reporting.gardens g JOIN reporting.county c ON c.name = g.county
				JOIN reporting.department d ON d.code = g.department JOIN reporting.period p USING (period)""")
			.query(String.class)
			.list()).containsExactly("G1 140403 市园林局 2024年全年 current.xlsx");
		assertThat(jdbc.sql("SELECT obj_description('reporting.gardens'::regclass)").query(String.class).single())
			.isEqualTo("园林绿化对口合作");
		assertThat(jdbc.sql("SELECT col_description('reporting.gardens'::regclass, 10)").query(String.class).single())
			.isEqualTo("面积（公顷）");
	}

	private long load(String name, boolean current) {
		return jdbc.sql("""
				INSERT INTO registry.load (run_id, source_id, department, dataset, file_path, file_name, sha256,
				                           size_bytes, status, period, sheet, is_current)
				VALUES (0, 'parks-gardens', 'parks', 'gardens', ?, ?, ?, 1, ?, DATE '2024-12-31', 'Sheet1', ?)
				RETURNING id""")
			.params("parks/" + name, name + ".xlsx", ("sha-" + name + System.nanoTime()).substring(0, 20),
					current ? "loaded" : "superseded", current)
			.query(Long.class)
			.single();
	}

	private void copyProjectConfig() throws IOException {
		Path source = Path.of("config");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path from : files.toList()) {
				Path to = config.resolve(source.relativize(from).toString());
				if (Files.isDirectory(from)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(from, to);
				}
			}
		}
	}

}
