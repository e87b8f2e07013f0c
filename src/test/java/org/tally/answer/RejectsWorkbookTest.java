package org.tally.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadStatus;
import org.tally.validate.RejectedCell;

/**
 * Given a file's rejects, the workbook a clerk gets names each column as the clerk's own
 * sheet does, gives each reason in Chinese and then in English, prints landscape one page
 * wide with its two header rows on every page, and keeps a hostile value exactly as
 * typed, inert.
 */
class RejectsWorkbookTest {

	static final FileRecord LEDGER = new FileRecord(1, 7, "finance-projects", "finance", "projects",
			"finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx", LocalDate.of(2024, 12, 31), "0".repeat(64), 100,
			LoadStatus.REJECTED,
			"15 of 30 rows rejected (50%), above the source's limit of 5%; the previous load stays current", 30, 0, 15,
			false, OffsetDateTime.now());

	static final Map<String, String> HEADERS = Map.of("A", "项目编号", "B", "项目名称", "C", "所在县区", "D", "签约投资额（万元）");

	@Test
	void givenAFormulaAsARejectedValue_theCellHoldsExactlyItsTextWithAQuotePrefixStyle() throws Exception {
		RejectedCell reject = reject(4, "D4", "committed_investment", "=1+1", "签约投资额：不是有效的数字",
				"committed_investment: not a number", Map.of("A4", "JC-1", "D4", "=1+1"));

		try (XSSFWorkbook workbook = workbook(reject)) {
			Row row = workbook.getSheetAt(1).getRow(5);
			for (Cell cell : List.of(row.getCell(3), row.getCell(7))) {
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isEqualTo("=1+1");
				assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
			}
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("D4");
			assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	@Test
	void givenRejectsOfAFile_itsColumnsCarryTheDepartmentsHeadersAndEachReasonIsChineseThenEnglish() throws Exception {
		RejectedCell county = reject(5, "C5", "county", "火星", "所在县区不是有效取值：火星", "county: not a valid value: 火星",
				Map.of("A5", "JC2024-0002", "B5", "项目乙", "C5", "火星", "D5", "100"));

		try (XSSFWorkbook workbook = workbook(county)) {
			XSSFSheet sheet = workbook.getSheetAt(1);
			assertThat(text(sheet.getRow(1))).containsExactly("处理结果：整表退回：30行中15行有误，超过5%的上限，上期数据继续有效");
			assertThat(text(sheet.getRow(3))).containsExactly("行号", "单元格", "栏目", "原值", "原因", "原因（英文）", "项目编号", "项目名称",
					"所在县区", "签约投资额（万元）");
			assertThat(text(sheet.getRow(4))).startsWith("Row", "Cell", "Column", "Value", "Reason", "Reason (English)",
					"Column A");
			assertThat(text(sheet.getRow(5))).containsExactly("5", "C5", "所在县区", "火星", "所在县区不是有效取值：火星",
					"county: not a valid value: 火星", "JC2024-0002", "项目乙", "火星", "100");
			XSSFSheet summary = workbook.getSheetAt(0);
			assertThat(text(summary.getRow(4))).containsExactly("市财政局", "市财政局_京长对口合作项目台账_2024-12-31.xlsx", "2024-12-31",
					"整表退回", "30", "0", "15", "1", "整表退回：30行中15行有误，超过5%的上限，上期数据继续有效", LEDGER.reason());
		}
	}

	@Test
	void givenTheWorkbookPrinted_itIsLandscapeOnePageWideWithItsHeaderFrozenAndRepeatedAndCjkTextFits()
			throws Exception {
		RejectedCell county = reject(5, "C5", "county", "火星", "所在县区不是有效取值：火星", "county: not a valid value: 火星",
				Map.of("A5", "JC2024-0002", "C5", "火星", "D5", "100"));

		try (XSSFWorkbook workbook = workbook(county)) {
			for (XSSFSheet sheet : List.of(workbook.getSheetAt(0), workbook.getSheetAt(1))) {
				assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
				assertThat(sheet.getFitToPage()).isTrue();
				assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
				assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
				int header = sheet.getPaneInformation().getHorizontalSplitPosition();
				assertThat(header).as("frozen below the two header rows").isIn(4, 5);
				assertThat(sheet.getRepeatingRows()).isEqualTo(new CellRangeAddress(header - 2, header - 1, -1, -1));
				// every header fits: a Chinese character is two width units of Excel's
				for (Cell cell : sheet.getRow(header - 2)) {
					int needed = cell.getStringCellValue().codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
					assertThat(sheet.getColumnWidth(cell.getColumnIndex())).as("width of %s", cell.getStringCellValue())
						.isGreaterThanOrEqualTo(needed * 256);
				}
			}
			XSSFSheet summary = workbook.getSheetAt(0);
			assertThat(summary.getColumnWidth(0)).as("部门 fits 市财政局, not 'Depar'").isGreaterThanOrEqualTo(8 * 256);
		}
	}

	private static RejectedCell reject(int row, String cell, String column, String value, String zh, String en,
			Map<String, String> rowValues) {
		return new RejectedCell(7, 1, "finance-projects", "finance", LEDGER.filePath(), LEDGER.period(), "rejected",
				"项目台账", row, cell, column, value, zh, en, rowValues);
	}

	private static XSSFWorkbook workbook(RejectedCell... rejects) throws Exception {
		AnsweredFile file = new AnsweredFile(LEDGER, "市财政局", "项目台账", "整表退回：30行中15行有误，超过5%的上限，上期数据继续有效", LEDGER.reason(),
				HEADERS, Map.of("project_code", "项目编号", "county", "所在县区", "committed_investment", "签约投资额（万元）"),
				List.of(rejects));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RejectsWorkbook.write(new RejectsReport(7, "finance", List.of(file)), out);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	static List<String> text(Row row) {
		DataFormatter formatter = new DataFormatter();
		List<String> cells = new ArrayList<>();
		row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
		return cells;
	}

}
