package org.tally.seeds;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the finance bureau's project ledger (.xlsx), the source of the headline figures.
 */
final class LedgerWorkbook {

	static final String SHEET = "项目台账";
	static final List<String> HEADERS = List.of("序号", "项目编号", "项目名称", "所在县区", "合作领域", "北京合作方", "合作方性质", "签约投资额",
			"累计完成投资", "项目状态", "开工日期", "对口资金安排", "对口资金拨付");
	static final int COMMITTED = 7;
	static final int COMPLETED = 8;
	static final int FUND_ARRANGED = 11;
	static final int FUND_PAID = 12;
	static final int FIRST_DETAIL_ROW = 3;
	static final String NOTE = "注：签约投资额为北京企业签约的社会资金，累计完成投资为截至统计日的完成额。";

	private static final int LAST_COLUMN = HEADERS.size() - 1;

	private static final int[] WIDTHS = { 6, 14, 40, 10, 10, 36, 10, 14, 14, 10, 12, 14, 14 };

	private LedgerWorkbook() {
	}

	static String fileName(Period period) {
		return "市财政局_京长对口合作项目台账_" + period.iso() + ".xlsx";
	}

	static void write(PeriodInbox inbox, Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			SheetWriter w = new SheetWriter(workbook, "宋体");
			Sheet sheet = w.sheet(SHEET, WIDTHS);
			w.spanningLine(sheet, 0, LAST_COLUMN, "京长对口合作项目台账（截至" + inbox.period().chineseEnd() + "）", w.title);
			w.cell(sheet.createRow(1), 0, w.plain).setCellValue("单位：万元");
			w.headerRow(sheet.createRow(2), HEADERS);
			sheet.createFreezePane(0, FIRST_DETAIL_ROW);

			List<Integer> committedText = new ArrayList<>();
			List<Integer> completedText = new ArrayList<>();
			int r = FIRST_DETAIL_ROW;
			List<LedgerRow> rows = inbox.ledger();
			for (int k = 0; k < rows.size(); k++) {
				if (k == inbox.ledgerBlankRowAfter()) {
					w.blankRow(sheet.createRow(r++), HEADERS.size());
				}
				LedgerRow p = rows.get(k);
				if (p.committedAsText()) {
					committedText.add(r);
				}
				if (p.completedAsText()) {
					completedText.add(r);
				}
				detail(w, sheet.createRow(r++), k + 1, p);
			}
			int lastDetail = r - 1;

			Row totals = sheet.createRow(r++);
			w.text(totals, 0, "合计");
			for (int c = 1; c <= LAST_COLUMN; c++) {
				w.text(totals, c, null);
			}
			for (int column : List.of(COMMITTED, COMPLETED, FUND_ARRANGED, FUND_PAID)) {
				List<Integer> textRows = column == COMMITTED ? committedText
						: column == COMPLETED ? completedText : List.of();
				w.money(totals, column, null);
				totals.getCell(column)
					.setCellFormula(SheetWriter.totalFormula(column, FIRST_DETAIL_ROW, lastDetail, textRows));
			}
			w.spanningLine(sheet, r++, LAST_COLUMN, NOTE, w.plain);
			w.spanningLine(sheet, r, LAST_COLUMN,
					"填报人：王敏    审核人：李强    填报日期：" + Period.chinese(inbox.period().filedOn()), w.plain);

			instructions(w, workbook.createSheet("填表说明"));
			dictionary(w, workbook.createSheet("数据字典"));
			workbook.setSheetHidden(2, true);
			workbook.setActiveSheet(0);
			w.save(file, inbox.period().filedOn());
		}
	}

	private static void detail(SheetWriter w, Row row, int serial, LedgerRow p) {
		w.integer(row, 0, serial);
		w.texts(row, 1, p.code(), p.name(), p.county(), p.field(), p.partner(), p.partnerNature());
		amount(w, row, COMMITTED, p.committed(), p.committedAsText());
		amount(w, row, COMPLETED, p.completed(), p.completedAsText());
		w.text(row, 9, p.statusText());
		if (p.startDate() == null) {
			w.text(row, 10, null);
		}
		else if (p.startDateAsText()) {
			w.text(row, 10, Period.chinese(p.startDate()));
		}
		else {
			w.date(row, 10, p.startDate());
		}
		w.money(row, FUND_ARRANGED, p.fundArranged());
		w.money(row, FUND_PAID, p.fundPaid());
	}

	private static void amount(SheetWriter w, Row row, int column, BigDecimal value, boolean asText) {
		if (asText) {
			w.moneyAsText(row, column, value);
		}
		else {
			w.money(row, column, value);
		}
	}

	private static void instructions(SheetWriter w, Sheet sheet) {
		sheet.setColumnWidth(0, 90 * 256);
		List<String> lines = List.of("填表说明", "1. 本表由各县区发展改革部门按项目逐条填报，市财政局汇总。", "2. 金额单位为万元，保留两位小数。",
				"3. 项目状态填写：签约、开工、竣工。", "4. 开工日期按yyyy-mm-dd格式填写，未开工项目不填。", "5. 对口资金安排、拨付仅填写使用北京市对口合作资金的项目。");
		for (int k = 0; k < lines.size(); k++) {
			SheetWriter.cell(sheet.createRow(k), 0, w.plain).setCellValue(lines.get(k));
		}
	}

	private static void dictionary(SheetWriter w, Sheet sheet) {
		List<String[]> entries = List.of(new String[] { "字段名称", "说明", "取值" }, new String[] { "序号", "顺序号", "整数" },
				new String[] { "项目编号", "台账唯一编号", "JC2023-0000" }, new String[] { "项目名称", "项目全称", "文本" },
				new String[] { "所在县区", "项目所在县（区）", "长治市12个县区" },
				new String[] { "合作领域", "对口合作领域", "产业合作/文旅康养/现代农业/生态环保/科技创新/基础设施/教育/医疗卫生" },
				new String[] { "北京合作方", "北京方签约主体", "文本" }, new String[] { "合作方性质", "企业性质", "民营/国有" },
				new String[] { "签约投资额", "签约社会资金", "万元" }, new String[] { "累计完成投资", "截至统计日完成投资", "万元" },
				new String[] { "项目状态", "项目进度", "签约/开工/竣工" }, new String[] { "开工日期", "实际开工日期", "日期" },
				new String[] { "对口资金安排", "安排的北京市对口合作资金", "万元" }, new String[] { "对口资金拨付", "已拨付的北京市对口合作资金", "万元" });
		for (int k = 0; k < entries.size(); k++) {
			Row row = sheet.createRow(k);
			for (int c = 0; c < 3; c++) {
				w.text(row, c, entries.get(k)[c]);
			}
		}
	}

}
