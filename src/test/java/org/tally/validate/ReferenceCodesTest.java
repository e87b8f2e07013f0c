package org.tally.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.ColumnDefinition.Reference;
import org.tally.support.TallyTest;
import org.tally.support.TestWarehouse;
import org.tally.warehouse.DatasetTables;

/**
 * Which ledger decides a period's codes, when the run's own ledger was staged by an
 * earlier attempt of the same run (a restart): the newest staged load within its reject
 * limit, else the current one.
 */
@TallyTest
class ReferenceCodesTest {

	static final LocalDate DECEMBER = LocalDate.of(2024, 12, 31);
	static final Reference LEDGER = new Reference("projects", "project_code");
	static final long RUN = 500;

	@Autowired
	TestWarehouse warehouse;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalog catalog;

	@Autowired
	DatasetTables tables;

	@BeforeEach
	void emptyWarehouse() {
		tables.prepare();
		warehouse.reset();
	}

	@Test
	void givenOnlyACurrentLedger_itsCodesCount() {
		long current = load(RUN - 1, "loaded", true);
		warehouseRow(current, "JC-OLD");

		assertThat(codes()).containsExactly("JC-OLD");
	}

	@Test
	void givenALedgerStagedInThisRunWithinItsLimit_itsCodesReplaceTheCurrentOnes() {
		warehouseRow(load(RUN - 1, "loaded", true), "JC-OLD");
		long staged = load(RUN, "staged", false);
		for (int i = 0; i < 20; i++) {
			stagedRow(staged, i + 4, "JC-NEW-" + i);
		}
		reject(staged, 30);

		assertThat(codes()).hasSize(20).contains("JC-NEW-0").doesNotContain("JC-OLD");
	}

	@Test
	void givenALedgerStagedInThisRunAboveItsLimit_theCurrentCodesStillCount() {
		warehouseRow(load(RUN - 1, "loaded", true), "JC-OLD");
		long staged = load(RUN, "staged", false);
		stagedRow(staged, 4, "JC-NEW");
		reject(staged, 5);

		assertThat(codes()).containsExactly("JC-OLD");
	}

	@Test
	void givenTwoLedgersStagedInThisRun_theNewerWithinItsLimitDecides() {
		long older = load(RUN, "staged", false);
		stagedRow(older, 4, "JC-FIRST");
		long newer = load(RUN, "staged", false);
		stagedRow(newer, 4, "JC-SECOND");

		assertThat(codes()).containsExactly("JC-SECOND");
	}

	@Test
	void givenAQuarantinedLedgerInThisRun_itIsIgnored() {
		warehouseRow(load(RUN - 1, "loaded", true), "JC-OLD");
		stagedRow(load(RUN, "quarantined", false), 4, "JC-BROKEN");

		assertThat(codes()).containsExactly("JC-OLD");
	}

	@Test
	void givenTheRejectLimit_itIsTheOnePromotionApplies() {
		assertThat(ReferenceCodes.passes(19, 1, new BigDecimal("0.05"))).isTrue();
		assertThat(ReferenceCodes.passes(18, 1, new BigDecimal("0.05"))).isFalse();
		assertThat(ReferenceCodes.passes(0, 0, new BigDecimal("0.05"))).isFalse();
	}

	private java.util.Set<Object> codes() {
		return new ReferenceCodes(jdbc, catalog).codes(RUN, DECEMBER, LEDGER);
	}

	private long load(long run, String status, boolean current) {
		return jdbc
			.sql("""
					INSERT INTO registry.load (run_id, source_id, department, dataset, file_path, file_name, sha256, size_bytes,
					                           status, period, is_current)
					VALUES (?, 'finance-projects', 'finance', 'projects', 'finance/x.xlsx', 'x.xlsx', ?, 1, ?, ?, ?) RETURNING id""")
			.params(run, String.format("%064d", System.nanoTime()), status, DECEMBER, current)
			.query(Long.class)
			.single();
	}

	private void warehouseRow(long load, String code) {
		jdbc.sql("INSERT INTO warehouse.projects (load_id, row_number, project_code) VALUES (?, 4, ?)")
			.params(load, code)
			.update();
	}

	private void stagedRow(long load, int row, String code) {
		jdbc.sql("INSERT INTO warehouse.projects (load_id, row_number, project_code) VALUES (?, ?, ?)")
			.params(load, row, code)
			.update();
	}

	private void reject(long load, int row) {
		jdbc.sql("INSERT INTO registry.reject (load_id, row_number, reason_zh, reason_en) VALUES (?, ?, '坏', 'bad')")
			.params(load, row)
			.update();
	}

}
