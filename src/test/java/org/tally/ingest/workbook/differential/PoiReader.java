package org.tally.ingest.workbook.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The reference reading: Apache POI's usermodel (XSSFWorkbook for XLSX, HSSFWorkbook for
 * XLS), every sheet, every cell POI holds, typed the way POI types it.
 */
final class PoiReader {

	private PoiReader() {
	}

	static Reading read(Path file, String format) {
		try {
			if (format.equals("xls")) {
				try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
						HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), true)) {
					return read(wb, "POI HSSF");
				}
			}
			try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
					XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
				return read(wb, "POI XSSF");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (Exception e) {
			throw new IllegalStateException("POI cannot read " + file + ": " + e, e);
		}
	}

	private static Reading read(Workbook wb, String reader) {
		Map<String, Map<String, Reading.Cell>> sheets = Reading.newSheets();
		List<String> visible = new ArrayList<>();
		for (int i = 0; i < wb.getNumberOfSheets(); i++) {
			Sheet sheet = wb.getSheetAt(i);
			if (!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i)) {
				visible.add(sheet.getSheetName());
			}
			Map<String, Reading.Cell> cells = new LinkedHashMap<>();
			for (Row row : sheet) {
				for (Cell cell : row) {
					Reading.Cell c = cell(cell);
					if (c.value().kind() != Typed.Kind.BLANK) {
						cells.put(cell.getAddress().formatAsString(), c);
					}
				}
			}
			sheets.put(sheet.getSheetName(), cells);
		}
		return new Reading(reader, sheets, visible);
	}

	static Reading.Cell cell(Cell cell) {
		CellType type = cell.getCellType();
		String formula = null;
		Boolean cached = null;
		if (type == CellType.FORMULA) {
			formula = cell.getCellFormula();
			type = cell.getCachedFormulaResultType();
			cached = cell instanceof XSSFCell x ? x.getCTCell().isSetV() : Boolean.TRUE;
		}
		Integer formatId = (int) cell.getCellStyle().getDataFormat();
		Double number = null;
		Typed value = switch (type) {
			case NUMERIC -> {
				double d = cell.getNumericCellValue();
				number = d;
				BigDecimal n = new BigDecimal(Double.toString(d));
				yield DateUtil.isCellDateFormatted(cell)
						? Typed.date(n, cell.getLocalDateTimeCellValue().toLocalDate().toString()) : Typed.number(n);
			}
			case STRING -> Typed.text(cell.getRichStringCellValue().getString());
			case BOOLEAN -> Typed.bool(cell.getBooleanCellValue());
			case ERROR -> Typed.error(cell instanceof XSSFCell x ? x.getErrorCellString()
					: FormulaError.forInt(cell.getErrorCellValue()).getString());
			default -> Typed.BLANK;
		};
		return new Reading.Cell(value, new Reading.Facts(null, formula, cached, formatId, number));
	}

}
