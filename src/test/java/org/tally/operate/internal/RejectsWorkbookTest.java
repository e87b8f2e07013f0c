package org.tally.operate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tally.validate.RejectedCell;

/**
 * Given a rejected cell that holds a formula, the rejects workbook keeps its text exactly
 * and marks it as text with a quote-prefix style, not with a visible apostrophe.
 */
class RejectsWorkbookTest {

	@Test
	void givenAFormulaAsARejectedValue_theCellHoldsExactlyItsTextWithAQuotePrefixStyle() throws Exception {
		RejectedCell reject = new RejectedCell(7, 1, "finance-projects", "finance", "finance/ledger.xlsx",
				LocalDate.of(2024, 12, 31), "loaded", "台账", 4, "D4", "committed_investment", "=1+1", "签约投资额：不是有效的数字",
				"committed_investment: not a number", Map.of("A4", "JC-1", "D4", "=1+1"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		RejectsWorkbook.write(7, List.of(reject), List.of(), out);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var row = workbook.getSheet("ledger").getRow(4);
			for (Cell cell : List.of(row.getCell(3), row.getCell(7))) {
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isEqualTo("=1+1");
				assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
			}
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("D4");
			assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

}
