package org.tally.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A seed project ledger (.xlsx) with one planted change: rows found by project code,
 * amounts in 万元 as the sheet keeps them, and the totals row re-evaluated on save so it
 * still matches its rows.
 */
final class LedgerWorkbookEdit {

	static final int CODE = 1;
	static final int COMMITTED = 7;
	static final int COMPLETED = 8;
	static final int STATUS = 9;
	static final int START_DATE = 10;

	private final XSSFWorkbook workbook;

	private final Sheet sheet;

	private LedgerWorkbookEdit(XSSFWorkbook workbook) {
		this.workbook = workbook;
		this.sheet = workbook.getSheet("项目台账");
	}

	static LedgerWorkbookEdit of(Path seed) {
		try (InputStream in = Files.newInputStream(seed)) {
			return new LedgerWorkbookEdit(new XSSFWorkbook(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first detail row that satisfies the test, in sheet order. */
	Row row(Predicate<Row> test) {
		for (Row row : sheet) {
			Cell code = row.getCell(CODE);
			if (code != null && code.getCellType() == CellType.STRING && code.getStringCellValue().startsWith("JC")
					&& test.test(row)) {
				return row;
			}
		}
		throw new IllegalStateException("no ledger row matches");
	}

	Row row(String code) {
		return row(r -> text(r, CODE).equals(code));
	}

	Row totals() {
		for (Row row : sheet) {
			if (text(row, 0).equals("合计")) {
				return row;
			}
		}
		throw new IllegalStateException("no totals row");
	}

	static String text(Row row, int column) {
		Cell cell = row.getCell(column);
		return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
	}

	static boolean numeric(Row row, int column) {
		Cell cell = row.getCell(column);
		return cell != null && cell.getCellType() == CellType.NUMERIC;
	}

	static BigDecimal amount(Row row, int column) {
		return BigDecimal.valueOf(row.getCell(column).getNumericCellValue());
	}

	/** The Excel reference of a cell, such as K17. */
	static String ref(Row row, int column) {
		return CellReference.convertNumToColString(column) + (row.getRowNum() + 1);
	}

	LedgerWorkbookEdit set(Row row, int column, BigDecimal wan) {
		row.getCell(column).setCellValue(wan.doubleValue());
		return this;
	}

	LedgerWorkbookEdit set(Row row, int column, String text) {
		Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
		cell.setCellValue(text);
		return this;
	}

	LedgerWorkbookEdit blank(Row row, int column) {
		row.getCell(column).setBlank();
		return this;
	}

	/**
	 * Replaces a totals formula by a plain value, which the detail rows then no longer
	 * add up to.
	 */
	LedgerWorkbookEdit overwriteTotal(int column, BigDecimal wan) {
		Cell cell = totals().getCell(column);
		cell.removeFormula();
		cell.setCellValue(wan.doubleValue());
		return this;
	}

	void saveAs(Path target) {
		workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		try (OutputStream out = Files.newOutputStream(target)) {
			workbook.write(out);
			workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
