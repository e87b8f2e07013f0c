package org.tally.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a small department workbook for a test: a title line, an optional unit line, a
 * header and rows given as lists. Rows are numbered as Excel shows them, so with the
 * defaults (title in row 1, unit line in row 2, header in row 3) the first data row is
 * row 4.
 *
 * <p>
 * Values: a String is a text cell, a Number a numeric cell, a LocalDate a date-formatted
 * serial, {@link #formula} a formula with its cached value, {@link #error} a formula
 * whose cached value is an error such as #DIV/0!, null a blank cell.
 */
public final class WorkbookBuilder {

	/** The finance ledger's columns in their usual order; A..E. */
	public static final List<String> LEDGER_HEADER = List.of("项目编号", "项目名称", "所在县区", "签约投资额", "项目状态");

	private String sheetName = "Sheet1";

	private final List<String> lines = new ArrayList<>();

	private List<String> header = List.of();

	private final List<List<Object>> rows = new ArrayList<>();

	private final List<String> merges = new ArrayList<>();

	private final List<String> extraSheets = new ArrayList<>();

	private boolean date1904;

	private WorkbookBuilder() {
	}

	/**
	 * The finance bureau's ledger for a period: sheet 项目台账, title 截至…, unit line 单位：万元.
	 */
	public static WorkbookBuilder ledger(LocalDate period) {
		return new WorkbookBuilder().sheet("项目台账")
			.line("京长对口合作项目台账（截至" + period.getYear() + "年" + period.getMonthValue() + "月" + period.getDayOfMonth()
					+ "日）")
			.line("单位：万元")
			.header(LEDGER_HEADER);
	}

	/**
	 * The science bureau's transfers at the end of 2024, one row good and one with a
	 * county no vocabulary knows (火星): a file that loads with one rejected row.
	 */
	public static WorkbookBuilder transfersWithAnUnknownCounty() {
		return new WorkbookBuilder().sheet("科技成果转化")
			.line("科技成果转化情况（截至2024年12月31日）")
			.header("成果编号", "成果名称", "所在县区", "合同金额")
			.row("KJ-001", "成果一", "潞州区", 1000)
			.row("KJ-002", "成果二", "火星", 2000);
	}

	/** An empty workbook: add a sheet name, lines, header and rows yourself. */
	public static WorkbookBuilder workbook() {
		return new WorkbookBuilder();
	}

	public static Formula formula(String formula, Object cachedValue) {
		return new Formula(formula, cachedValue);
	}

	public static ErrorValue error(String formula, FormulaError error) {
		return new ErrorValue(formula, error);
	}

	public WorkbookBuilder sheet(String name) {
		this.sheetName = name;
		return this;
	}

	/**
	 * Another sheet placed before the data sheet (so the data sheet is not the first).
	 */
	public WorkbookBuilder otherSheetFirst(String name) {
		extraSheets.add(name);
		return this;
	}

	/**
	 * A one-cell line above the header (title, unit line); lines come in the order given.
	 */
	public WorkbookBuilder line(String text) {
		lines.add(text);
		return this;
	}

	public WorkbookBuilder withoutLines() {
		lines.clear();
		return this;
	}

	public WorkbookBuilder header(List<String> header) {
		this.header = List.copyOf(header);
		return this;
	}

	public WorkbookBuilder header(String... header) {
		return header(Arrays.asList(header));
	}

	public WorkbookBuilder row(Object... values) {
		rows.add(Arrays.asList(values));
		return this;
	}

	/**
	 * A merged region such as "C4:C6", written after the cells (only the top-left keeps
	 * its value).
	 */
	public WorkbookBuilder merge(String range) {
		merges.add(range);
		return this;
	}

	public WorkbookBuilder date1904() {
		this.date1904 = true;
		return this;
	}

	/** The row number (1-based) the i-th data row (0-based) lands on. */
	public int rowNumberOf(int dataRow) {
		return lines.size() + (header.isEmpty() ? 0 : 1) + dataRow + 1;
	}

	/** Writes .xls for a name ending in .xls, .xlsx otherwise. */
	public Path writeTo(Path file) {
		try (Workbook workbook = file.toString().endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook()) {
			if (date1904 && workbook instanceof XSSFWorkbook xssf) {
				var pr = xssf.getCTWorkbook().isSetWorkbookPr() ? xssf.getCTWorkbook().getWorkbookPr()
						: xssf.getCTWorkbook().addNewWorkbookPr();
				pr.setDate1904(true);
			}
			for (String extra : extraSheets) {
				workbook.createSheet(extra).createRow(0).createCell(0).setCellValue("说明");
			}
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			int r = 0;
			for (String line : lines) {
				sheet.createRow(r++).createCell(0).setCellValue(line);
			}
			if (!header.isEmpty()) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < header.size(); c++) {
					row.createCell(c).setCellValue(header.get(c));
				}
			}
			for (List<Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					write(row, c, values.get(c), dateStyle);
				}
			}
			for (String range : merges) {
				sheet.addMergedRegion(CellRangeAddress.valueOf(range));
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Row row, int column, Object value, CellStyle dateStyle) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column);
		if (value instanceof String text) {
			cell.setCellValue(text);
		}
		else if (value instanceof Number number) {
			cell.setCellValue(new BigDecimal(number.toString()).doubleValue());
		}
		else if (value instanceof LocalDate date) {
			cell.setCellValue(date);
			cell.setCellStyle(dateStyle);
		}
		else if (value instanceof Formula formula) {
			cell.setCellFormula(formula.formula());
			if (formula.cachedValue() instanceof Number number) {
				cell.setCellValue(new BigDecimal(number.toString()).doubleValue());
			}
			else {
				cell.setCellValue(String.valueOf(formula.cachedValue()));
			}
		}
		else if (value instanceof ErrorValue error) {
			cell.setCellFormula(error.formula());
			cell.setCellErrorValue(error.error().getCode());
		}
		else {
			throw new IllegalArgumentException("cannot write " + value.getClass() + " to a cell");
		}
	}

	/** A formula and the value Excel cached for it. */
	public record Formula(String formula, Object cachedValue) {
	}

	/** A formula whose cached value is an error. */
	public record ErrorValue(String formula, FormulaError error) {
	}

}
