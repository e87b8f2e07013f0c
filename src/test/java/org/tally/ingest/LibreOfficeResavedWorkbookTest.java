package org.tally.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.support.Runs.completedRun;
import static org.tally.support.Runs.rows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyTest;

/**
 * Given seed workbooks re-saved by LibreOffice Calc (committed fixtures, made by
 * scripts/libreoffice-fixtures.sh), the warehouse holds exactly the rows the originals
 * give.
 */
@TallyTest
class LibreOfficeResavedWorkbookTest extends InboxRunTest {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures/libreoffice");

	@Test
	void givenTheDecemberLedgerTransfersAndEducationResavedByLibreOffice_theWarehouseHoldsTheSameRows()
			throws IOException {
		inbox.copySeed("finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx", "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx");
		inbox.copySeed("science/市科技局_科技成果转化_2024-12-31.xlsx", "science/市科技局_科技成果转化_2024-12-31.xlsx");
		inbox.copySeed("education/市教育局_教育对口合作统计表_2024全年.xls", "education/市教育局_教育对口合作统计表_2024全年.xls");
		completedRun(jobs, "original");
		Map<String, List<List<String>>> original = warehouseContent();

		warehouse.reset();
		inbox.clear();
		for (String name : List.of("finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx", "science/市科技局_科技成果转化_2024-12-31.xlsx",
				"education/市教育局_教育对口合作统计表_2024全年.xlsx")) {
			Files.copy(FIXTURES.resolve(Path.of(name).getFileName()), inbox.file(name));
		}
		completedRun(jobs, "libreoffice");
		Map<String, List<List<String>>> resaved = warehouseContent();

		assertThat(original.get("projects")).hasSize(140);
		assertThat(original.get("tech_transfers")).hasSize(64);
		assertThat(original.get("education_activities")).hasSize(30);
		assertThat(resaved).isEqualTo(original);
	}

	/**
	 * Every warehouse row (without its load id), totals and reject, with each load's
	 * status and period.
	 */
	private Map<String, List<List<String>>> warehouseContent() {
		Map<String, List<List<String>>> content = new LinkedHashMap<>();
		for (String dataset : List.of("projects", "tech_transfers", "education_activities")) {
			content.put(dataset, rows(warehouse,
					"SELECT (to_jsonb(w) - 'load_id')::text FROM warehouse." + dataset + " w ORDER BY w.row_number"));
		}
		content.put("loads",
				rows(warehouse, "SELECT dataset, status, period::text, sheet, rows_read::text, rows_loaded::text,"
						+ " rows_rejected::text FROM registry.load ORDER BY dataset"));
		content.put("totals",
				rows(warehouse, "SELECT l.dataset, t.row_number::text, t.column_name, t.cell_ref, t.value::text"
						+ " FROM staging.totals_row t JOIN registry.load l ON l.id = t.load_id ORDER BY 1, 2, 3"));
		content.put("rejects",
				rows(warehouse, "SELECT cell_ref, raw_value, reason_en FROM registry.reject ORDER BY id"));
		return content;
	}

}
