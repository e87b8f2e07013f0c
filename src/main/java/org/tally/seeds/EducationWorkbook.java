package org.tally.seeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** Writes the education bureau's legacy .xls with its two-row header. */
final class EducationWorkbook {

	static final String SHEET = "教育合作";
	static final String TITLE = "长治市教育领域京长对口合作情况统计表";
	static final List<String> UPPER_HEADERS = List.of("序号", "项目编号", "合作事项", "北京学校", "长治学校", "所在县区", "培训教师（人次）",
			"受益学生（人）", "合作资金");
	static final List<String> FUND_HEADERS = List.of("安排", "到位");
	static final int TEACHERS = 6;
	static final int STUDENTS = 7;
	static final int ARRANGED = 8;
	static final int ARRIVED = 9;
	static final int FIRST_DETAIL_ROW = 4;
	static final String NOTE = "说明：合作资金为北京市对口合作资金。";

	private static final int LAST_COLUMN = ARRIVED;

	private static final int[] WIDTHS = { 6, 14, 34, 26, 24, 10, 12, 12, 12, 12 };

	private EducationWorkbook() {
	}

	static String fileName(Period period) {
		return "市教育局_教育对口合作统计表_2024" + (period == Period.MID_YEAR ? "上半年" : "全年") + ".xls";
	}

	static void write(PeriodInbox inbox, Path file) throws IOException {
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			SheetWriter w = new SheetWriter(workbook, "宋体");
			Sheet sheet = w.sheet(SHEET, WIDTHS);
			w.spanningLine(sheet, 0, LAST_COLUMN, TITLE, w.title);
			w.spanningLine(sheet, 1, LAST_COLUMN, "填报单位：市教育局        截至" + inbox.period().chineseEnd() + "        单位：万元",
					w.plain);

			Row upper = sheet.createRow(2);
			Row lower = sheet.createRow(3);
			for (int c = 0; c <= LAST_COLUMN; c++) {
				SheetWriter.cell(upper, c, w.header);
				SheetWriter.cell(lower, c, w.header);
			}
			for (int c = 0; c < UPPER_HEADERS.size() - 1; c++) {
				upper.getCell(c).setCellValue(UPPER_HEADERS.get(c));
				sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
			}
			upper.getCell(ARRANGED).setCellValue(UPPER_HEADERS.get(UPPER_HEADERS.size() - 1));
			sheet.addMergedRegion(new CellRangeAddress(2, 2, ARRANGED, ARRIVED));
			lower.getCell(ARRANGED).setCellValue(FUND_HEADERS.get(0));
			lower.getCell(ARRIVED).setCellValue(FUND_HEADERS.get(1));

			int r = FIRST_DETAIL_ROW;
			List<Integer> teachersText = new ArrayList<>();
			List<EducationItem> items = inbox.education();
			for (int k = 0; k < items.size(); k++) {
				EducationItem e = items.get(k);
				Row row = sheet.createRow(r);
				w.integer(row, 0, k + 1);
				w.texts(row, 1, e.code(), e.matter(), e.beijingSchool(), e.changzhiSchool(), e.county());
				if (e.teachersAsText()) {
					w.text(row, TEACHERS, Integer.toString(e.teachersTrained()));
					teachersText.add(r);
				}
				else {
					w.integer(row, TEACHERS, e.teachersTrained());
				}
				w.integer(row, STUDENTS, e.studentsBenefited());
				w.money(row, ARRANGED, e.fundArranged());
				w.money(row, ARRIVED, e.fundArrived());
				r++;
			}
			int lastDetail = r - 1;
			Row totals = sheet.createRow(r++);
			w.text(totals, 0, "合计");
			for (int c = 1; c < TEACHERS; c++) {
				w.text(totals, c, null);
			}
			w.integer(totals, TEACHERS, 0);
			w.integer(totals, STUDENTS, 0);
			w.money(totals, ARRANGED, null);
			w.money(totals, ARRIVED, null);
			for (int c = TEACHERS; c <= ARRIVED; c++) {
				List<Integer> textRows = c == TEACHERS ? teachersText : List.of();
				totals.getCell(c).setCellFormula(SheetWriter.totalFormula(c, FIRST_DETAIL_ROW, lastDetail, textRows));
			}
			SheetWriter.cell(sheet.createRow(r), 0, w.plain).setCellValue(NOTE);
			w.save(file, inbox.period().filedOn());
		}
	}

}
