package org.tally.seeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the science bureau's technology-transfer sheet, kept in traditional characters.
 */
final class ScienceWorkbook {

	static final String SHEET = "科技成果轉化";
	static final List<String> HEADERS = List.of("序號", "成果編號", "成果名稱", "北京單位", "長治承接單位", "所在縣區", "合同金額（元）", "簽約日期");
	static final int AMOUNT = 6;
	static final int FIRST_DETAIL_ROW = 2;
	static final String NOTE = "說明：合同金額以技術合同登記為準。";

	private static final int[] WIDTHS = { 6, 12, 36, 24, 34, 10, 18, 12 };

	private ScienceWorkbook() {
	}

	static String fileName(Period period) {
		return "市科技局_科技成果转化_" + period.iso() + ".xlsx";
	}

	static void write(PeriodInbox inbox, Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			SheetWriter w = new SheetWriter(workbook, "新細明體");
			Sheet sheet = w.sheet(SHEET, WIDTHS);
			w.spanningLine(sheet, 0, HEADERS.size() - 1, "北京科技成果在長治轉化情況（統計截至" + inbox.period().chineseEnd() + "）",
					w.title);
			w.headerRow(sheet.createRow(1), HEADERS);
			int r = FIRST_DETAIL_ROW;
			List<ScienceItem> items = inbox.science();
			for (int k = 0; k < items.size(); k++) {
				ScienceItem s = items.get(k);
				Row row = sheet.createRow(r++);
				w.integer(row, 0, k + 1);
				w.texts(row, 1, s.code(), s.title(), s.beijingInstitution(), s.changzhiRecipient(), s.county());
				w.money(row, AMOUNT, s.contractYuan());
				w.date(row, 7, s.signedOn());
			}
			Row totals = sheet.createRow(r);
			w.text(totals, 0, "合計");
			for (int c = 1; c < HEADERS.size(); c++) {
				if (c == AMOUNT) {
					w.money(totals, c, null);
					totals.getCell(c).setCellFormula(SheetWriter.totalFormula(c, FIRST_DETAIL_ROW, r - 1, List.of()));
				}
				else {
					w.text(totals, c, null);
				}
			}
			SheetWriter.cell(sheet.createRow(r + 1), 0, w.plain).setCellValue(NOTE);
			w.save(file, inbox.period().filedOn());
		}
	}

}
