package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.FigureDefinition;
import org.tally.figures.internal.FigureQuery;
import org.tally.support.TallyTest;
import org.tally.support.TestWarehouse;
import org.tally.warehouse.DatasetTables;

/**
 * Given two current ledger files in one period (two sources), a superseded file and
 * another period, every figure computed by the shared per-load scan equals the figure's
 * direct SQL, and its sources name each file with the rows that figure read, in load
 * order; a file with no row for a filtered figure is not among that figure's sources.
 */
@TallyTest
class FiguresOverTwoFilesTest {

	static final LocalDate PERIOD = LocalDate.of(2024, 12, 31);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalog catalog;

	@Autowired
	TestWarehouse warehouse;

	@Autowired
	DatasetTables tables;

	@Autowired
	FigurePublisher publisher;

	@BeforeEach
	void twoCurrentLedgersOfOnePeriod() {
		warehouse.reset();
		tables.prepare();
		long east = load("finance-projects", "east.xlsx", PERIOD, true);
		long west = load("finance-projects-west", "west.xlsx", PERIOD, true);
		long superseded = load("finance-projects-old", "old.xlsx", PERIOD, false);
		long june = load("finance-projects", "june.xlsx", LocalDate.of(2024, 6, 30), true);
		project(east, 3, "潞州区", "开工", "100.50", "10.25");
		project(east, 4, "上党区", "竣工", "200.00", null);
		project(east, 5, "潞州区", "签约", "0.01", "0.00");
		project(west, 3, "屯留区", "签约", "7.00", "1.00");
		project(west, 4, "潞州区", "签约", "3.00", null);
		project(superseded, 3, "潞城区", "开工", "1000.00", "1000.00");
		project(june, 3, "潞城区", "开工", "1000.00", "1000.00");
	}

	@Test
	void givenTwoFiles_eachFigureEqualsItsDirectSqlAndNamesTheFilesItRead() {
		Map<String, FigureValue> published = publisher.publish(1, PERIOD, List.of())
			.stream()
			.collect(Collectors.toMap(FigureValue::id, Function.identity()));

		for (FigureDefinition figure : catalog.figures()) {
			FigureQuery direct = FigureQuery.of(figure, "warehouse", PERIOD);
			BigDecimal expected = jdbc.sql(direct.valueSql()).params(direct.params()).query(BigDecimal.class).single();
			assertThat(published.get(figure.id()).value()).as(figure.id()).isEqualByComparingTo(expected);
		}
		assertThat(published.get("committed_investment").value()).isEqualByComparingTo("3105100.00");
		assertThat(published.get("committed_investment").sources()).containsExactly(
				new FigureValue.Source("east.xlsx", "台账", 3), new FigureValue.Source("west.xlsx", "台账", 2));
		assertThat(published.get("completed_investment").value()).isEqualByComparingTo("112500.00");
		// figures.yml states both in 亿元; amounts of this size are shown and phrased in 万元
		assertThat(published.get("committed_investment")).extracting(FigureValue::display, FigureValue::phrase)
			.containsExactly("310.51万元", "300余万元");
		assertThat(published.get("completed_investment")).extracting(FigureValue::display, FigureValue::phrase)
			.containsExactly("11.25万元", "约11万元");
		assertThat(published.get("project_count").value()).isEqualByComparingTo("5");
		assertThat(published.get("started_projects").value()).isEqualByComparingTo("2");
		assertThat(published.get("started_projects").sources())
			.containsExactly(new FigureValue.Source("east.xlsx", "台账", 2));
		assertThat(published.get("counties_covered").value()).isEqualByComparingTo("3");
		assertThat(published.get("counties_covered").sources()).containsExactly(
				new FigureValue.Source("east.xlsx", "台账", 3), new FigureValue.Source("west.xlsx", "台账", 2));
		assertThat(published.get("tech_transfers").value()).isEqualByComparingTo("0");
		assertThat(published.get("tech_transfers").sources()).isEmpty();
		assertThat(publisher.latest(PERIOD)).extracting(FigureValue::sources)
			.containsExactlyElementsOf(catalog.figures().stream().map(f -> published.get(f.id()).sources()).toList());
	}

	private long load(String source, String file, LocalDate period, boolean current) {
		return jdbc
			.sql("""
					INSERT INTO registry.load (run_id, source_id, department, dataset, file_path, file_name, sha256, size_bytes,
					                           status, period, sheet, is_current)
					VALUES (1, ?, '市财政局', 'projects', ?, ?, ?, 1, ?, ?, '台账', ?) RETURNING id""")
			.params(source, "inbox/" + file, file, String.format("%064d", System.nanoTime()),
					current ? "loaded" : "superseded", period, current)
			.query(Long.class)
			.single();
	}

	private void project(long load, int row, String county, String status, String committedWan, String completedWan) {
		BigDecimal wan = BigDecimal.valueOf(10_000);
		jdbc.sql("""
				INSERT INTO warehouse.projects (load_id, row_number, project_code, project_name, county, status,
				                                committed_investment, completed_investment)
				VALUES (?, ?, ?, '项目', ?, ?, ?, ?)""")
			.params(load, row, "JC" + load + "-" + row, county, status, new BigDecimal(committedWan).multiply(wan),
					completedWan == null ? null : new BigDecimal(completedWan).multiply(wan))
			.update();
	}

}
