package org.tally.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the generated files back the way an independent consumer would: raw cells, no
 * shared code.
 */
final class InboxFiles {

	private InboxFiles() {
	}

	static final String LEDGER_DEC = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";
	static final String LEDGER_JUN = "finance/市财政局_京长对口合作项目台账_2024-06-30.xlsx";
	static final String EDUCATION_DEC = "education/市教育局_教育对口合作统计表_2024全年.xls";
	static final String EDUCATION_JUN = "education/市教育局_教育对口合作统计表_2024上半年.xls";
	static final String HEALTH_DEC = "health/市卫健委_卫生健康对口合作_20241231.csv";
	static final String HEALTH_JUN = "health/市卫健委_卫生健康对口合作_20240630.csv";
	static final String SCIENCE_DEC = "science/市科技局_科技成果转化_2024-12-31.xlsx";
	static final String SCIENCE_JUN = "science/市科技局_科技成果转化_2024-06-30.xlsx";

	static final List<String> ALL = List.of(LEDGER_JUN, LEDGER_DEC, EDUCATION_JUN, EDUCATION_DEC, HEALTH_JUN,
			HEALTH_DEC, SCIENCE_JUN, SCIENCE_DEC);

	static Workbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return WorkbookFactory.create(in);
		}
	}

	static String text(Row row, int column) {
		if (row == null) {
			return "";
		}
		Cell cell = row.getCell(column);
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case BLANK -> "";
			default -> new DataFormatter().formatCellValue(cell);
		};
	}

	/**
	 * A money cell as BigDecimal: numbers, cached formula results or text with
	 * separators; null if blank.
	 */
	static BigDecimal money(Row row, int column) {
		Cell cell = row.getCell(column);
		if (cell == null) {
			return null;
		}
		return switch (cell.getCellType()) {
			case BLANK -> null;
			case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
			case FORMULA -> BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
			case STRING -> cell.getStringCellValue().isBlank() ? null
					: new BigDecimal(cell.getStringCellValue().replace(",", "")).setScale(2);
			default -> throw new AssertionError("unexpected " + cell.getCellType() + " at " + cell.getAddress());
		};
	}

	static boolean isText(Row row, int column) {
		Cell cell = row.getCell(column);
		return cell != null && cell.getCellType() == CellType.STRING;
	}

	static boolean isBlankRow(Row row) {
		if (row == null) {
			return true;
		}
		for (Cell cell : row) {
			if (cell.getCellType() != CellType.BLANK) {
				return false;
			}
		}
		return true;
	}

	record LedgerLine(int rowIndex, String code, String name, String county, String field, String nature,
			BigDecimal committed, BigDecimal completed, String statusText, Object start, BigDecimal arranged,
			BigDecimal paid) {

		boolean started() {
			return !statusText.equals("签约");
		}
	}

	/** Detail lines from row 4 up to the 合计 row, skipping blank rows. */
	static List<LedgerLine> ledger(Sheet sheet) {
		List<LedgerLine> lines = new ArrayList<>();
		for (int r = 3;; r++) {
			Row row = sheet.getRow(r);
			if (text(row, 0).equals("合计")) {
				return lines;
			}
			if (isBlankRow(row)) {
				continue;
			}
			Cell startCell = row.getCell(10);
			Object start = null;
			if (startCell != null && startCell.getCellType() == CellType.NUMERIC) {
				if (!DateUtil.isCellDateFormatted(startCell)) {
					throw new AssertionError("start date not date-formatted at " + startCell.getAddress());
				}
				start = startCell.getLocalDateTimeCellValue().toLocalDate();
			}
			else if (startCell != null && startCell.getCellType() == CellType.STRING) {
				start = startCell.getStringCellValue();
			}
			lines.add(new LedgerLine(r, text(row, 1), text(row, 2), text(row, 3), text(row, 4), text(row, 6),
					money(row, 7), money(row, 8), text(row, 9), start, money(row, 11), money(row, 12)));
		}
	}

	static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().filter(a -> a != null).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	static LocalDate parseChineseDate(String text) {
		var m = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日").matcher(text);
		if (!m.matches()) {
			throw new AssertionError("not a Chinese date: " + text);
		}
		return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
	}

}
