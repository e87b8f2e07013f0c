package org.tally.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.bench.internal.LedgerFiles;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.figures.FigureAudit;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/** After a clean run the audit finds nothing; a row lost behind Tally's back is found. */
@TallyTest
class IntegrityAuditTest extends SeedInboxTest {

	@Autowired
	WarehouseAudit audit;

	@Autowired
	FigureAudit figures;

	@BeforeEach
	void seedRun() throws Exception {
		jobs.startJob(
				new JobParametersBuilder().addString("trigger", "test:audit-" + System.nanoTime()).toJobParameters());
	}

	@Test
	void givenACleanRun_everyRuleAndEveryFigureAgrees() {
		assertThat(audit.audit()).allMatch(WarehouseAudit.Finding::clean);
		// Which seed files repeat no key was known from staging: promotion did not search
		// them again.
		assertThat(warehouse.strings("SELECT file_name || ' ' || keys_distinct FROM registry.load"
				+ " WHERE dataset = 'projects' AND status = 'loaded' ORDER BY 1"))
			.isNotEmpty()
			.allMatch(s -> s.endsWith(" true"));

		assertThat(figures.compareLatest()).hasSize(14).allMatch(FigureAudit.Comparison::agrees);
	}

	@Test
	void givenAWarehouseRowDeletedBehindTallysBack_theRowCountsAndTheFigureDiffer() {
		warehouse.jdbc()
			.sql("""
					DELETE FROM warehouse.projects WHERE (load_id, row_number) =
					  (SELECT w.load_id, min(w.row_number) FROM warehouse.projects w
					   JOIN registry.load l ON l.id = w.load_id WHERE l.period = DATE '2024-12-31' GROUP BY w.load_id)""")
			.update();

		assertThat(audit.audit()).filteredOn(f -> !f.clean())
			.singleElement()
			.satisfies(f -> assertThat(f.rule()).startsWith("projects: row counts agree"));
		assertThat(figures.compareLatest()).filteredOn(c -> !c.agrees())
			.extracting(FigureAudit.Comparison::figureId)
			.contains("project_count", "committed_investment");
	}

	@Test
	void givenRowsStagedForAPendingLoad_theyAreANoteAndRowsOfAQuarantinedLoadADifference() {
		long pending = load("pending");
		long quarantined = load("quarantined");
		stageRow(pending);
		stageRow(quarantined);

		assertThat(audit.audit()).filteredOn(f -> f.rule().equals("projects: warehouse rows belong to promoted loads"))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.notes()).containsExactly("rows of load " + pending + " (pending): 1 rows await promotion");
				assertThat(f.differences()).containsExactly("rows of load " + quarantined + " (quarantined): 1 rows");
			});
	}

	@Test
	void givenALedgerOfManyPageRanges_itsRangesAreSummarisedOnceAnotherLoadWouldReadThem(@TempDir Path temp)
			throws Exception {
		Files.copy(LedgerFiles.forRows(temp.resolve("big"), 30_000).xlsx(),
				inbox.file("finance/市财政局_京长对口合作项目台账_2025-06-30.xlsx"));
		jobs.startJob(
				new JobParametersBuilder().addString("trigger", "test:brin-" + System.nanoTime()).toJobParameters());

		// Alone, the new load's pages are the only unsummarised ones: a lookup of it
		// reads them anyway.
		assertThat(warehouse.count("SELECT count(*) FROM warehouse.projects")).isGreaterThan(30_000);
		assertThat(warehouse.strings("SELECT coalesce(CAST(rows_summarized AS text), 'not yet') FROM registry.load"
				+ " WHERE file_name LIKE '%2025-06-30.xlsx'"))
			.containsExactly("not yet");

		Files.copy(LedgerFiles.forRows(temp.resolve("next"), 2_000).xlsx(),
				inbox.file("finance/市财政局_京长对口合作项目台账_2025-12-31.xlsx"));
		jobs.startJob(
				new JobParametersBuilder().addString("trigger", "test:brin-" + System.nanoTime()).toJobParameters());

		// Two loads unsummarised would make every lookup of one read the other's pages
		// too: none is left.
		assertThat(warehouse.count("SELECT count(*) FROM registry.load WHERE dataset = 'projects' AND status = 'loaded'"
				+ " AND rows_summarized IS NOT TRUE"))
			.isZero();
		assertThat(warehouse.count("SELECT brin_summarize_new_values(CAST('warehouse.projects_by_load' AS regclass))"))
			.isZero();
	}

	private long load(String status) {
		return warehouse.jdbc()
			.sql("""
					INSERT INTO registry.load (run_id, source_id, department, dataset, file_path, file_name, sha256, size_bytes,
					                           status)
					VALUES (0, 'finance-projects', 'finance', 'projects', ?, ?, ?, 1, ?) RETURNING id""")
			.params("finance/" + status + ".xlsx", status + ".xlsx", status, status)
			.query(Long.class)
			.single();
	}

	private void stageRow(long load) {
		warehouse.jdbc()
			.sql("INSERT INTO warehouse.projects (load_id, row_number, project_code) VALUES (?, 4, 'X')")
			.param(load)
			.update();
	}

}
