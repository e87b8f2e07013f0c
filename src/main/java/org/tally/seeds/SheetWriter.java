package org.tally.seeds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of one workbook and the low-level writes every sheet shares: money
 * crosses into {@code double} only here, at the cell, and workbooks are saved
 * byte-for-byte reproducibly.
 */
final class SheetWriter {

	/**
	 * The account name a clerk's office PC typically runs under; HSSF would otherwise
	 * record ours.
	 */
	static final String OFFICE_USER = "Administrator";

	final Workbook workbook;

	final CellStyle title;

	final CellStyle header;

	final CellStyle text;

	final CellStyle integer;

	final CellStyle money;

	final CellStyle date;

	final CellStyle plain;

	SheetWriter(Workbook workbook, String fontName) {
		this.workbook = workbook;
		Font base = workbook.createFont();
		base.setFontName(fontName);
		base.setFontHeightInPoints((short) 11);
		Font bold = workbook.createFont();
		bold.setFontName(fontName);
		bold.setFontHeightInPoints((short) 11);
		bold.setBold(true);
		Font big = workbook.createFont();
		big.setFontName(fontName);
		big.setFontHeightInPoints((short) 16);
		big.setBold(true);

		title = workbook.createCellStyle();
		title.setFont(big);
		title.setAlignment(HorizontalAlignment.CENTER);
		title.setVerticalAlignment(VerticalAlignment.CENTER);

		plain = workbook.createCellStyle();
		plain.setFont(base);

		header = bordered(bold);
		header.setAlignment(HorizontalAlignment.CENTER);
		header.setVerticalAlignment(VerticalAlignment.CENTER);
		header.setWrapText(true);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

		text = bordered(base);
		integer = bordered(base);
		integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
		money = bordered(base);
		money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
		date = bordered(base);
		date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
	}

	private CellStyle bordered(Font font) {
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	/** A new sheet with its columns {@code widths} characters wide. */
	Sheet sheet(String name, int[] widths) {
		Sheet sheet = workbook.createSheet(name);
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		return sheet;
	}

	static Cell cell(Row row, int column, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		return cell;
	}

	/** Text cells side by side, from {@code firstColumn} on. */
	void texts(Row row, int firstColumn, String... values) {
		for (int i = 0; i < values.length; i++) {
			text(row, firstColumn + i, values[i]);
		}
	}

	void text(Row row, int column, String value) {
		if (value == null || value.isEmpty()) {
			cell(row, column, text);
		}
		else {
			cell(row, column, text).setCellValue(value);
		}
	}

	void integer(Row row, int column, int value) {
		cell(row, column, integer).setCellValue(value);
	}

	/**
	 * A numeric money cell, blank for null; the one place a BigDecimal becomes a double.
	 */
	void money(Row row, int column, BigDecimal value) {
		Cell cell = cell(row, column, money);
		if (value != null) {
			cell.setCellValue(value.setScale(2).doubleValue());
		}
	}

	/**
	 * A money amount typed as text with thousands separators, the way pasted figures
	 * arrive.
	 */
	void moneyAsText(Row row, int column, BigDecimal value) {
		cell(row, column, text).setCellValue(grouped(value));
	}

	void date(Row row, int column, LocalDate value) {
		cell(row, column, date).setCellValue(value);
	}

	void blankRow(Row row, int columns) {
		for (int c = 0; c < columns; c++) {
			cell(row, c, text);
		}
	}

	void headerRow(Row row, List<String> headers) {
		for (int c = 0; c < headers.size(); c++) {
			cell(row, c, header).setCellValue(headers.get(c));
		}
	}

	/** A line of text spanning the sheet's width, as titles and notes are laid out. */
	void spanningLine(Sheet sheet, int rowIndex, int lastColumn, String value, CellStyle style) {
		Row row = sheet.createRow(rowIndex);
		cell(row, 0, style).setCellValue(value);
		sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, lastColumn));
	}

	/**
	 * A column total that Excel and POI both compute as the true sum: SUM skips numbers
	 * stored as text, so each text cell of the column is added back through VALUE.
	 */
	static String totalFormula(int column, int firstRow, int lastRow, List<Integer> textRows) {
		String col = CellReference.convertNumToColString(column);
		StringBuilder formula = new StringBuilder("SUM(" + col + (firstRow + 1) + ":" + col + (lastRow + 1) + ")");
		for (int r : textRows) {
			formula.append("+VALUE(SUBSTITUTE(").append(col).append(r + 1).append(",\",\",\"\"))");
		}
		return formula.toString();
	}

	static String grouped(BigDecimal value) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(value.setScale(2));
	}

	/**
	 * Caches every formula result, then writes the workbook with fixed metadata and
	 * timestamps.
	 */
	void save(Path file, LocalDate stamped) throws IOException {
		workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Date when = Date.from(stamped.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)));
		if (workbook instanceof XSSFWorkbook xssf) {
			var core = xssf.getProperties().getCoreProperties();
			core.setCreator(OFFICE_USER);
			core.setCreated(Optional.of(when));
			core.setModified(Optional.of(when));
			core.setLastModifiedByUser(OFFICE_USER);
			xssf.write(bytes);
			Files.write(file, withFixedEntryTimes(bytes.toByteArray(), stamped));
		}
		else if (workbook instanceof HSSFWorkbook hssf) {
			hssf.getInternalWorkbook().getWriteAccess().setUsername(OFFICE_USER);
			// Excel always writes the summary streams; readers warn when they are
			// missing.
			hssf.createInformationProperties();
			hssf.getSummaryInformation().setAuthor(OFFICE_USER);
			hssf.getSummaryInformation().setLastAuthor(OFFICE_USER);
			hssf.getSummaryInformation().setCreateDateTime(when);
			hssf.getSummaryInformation().setLastSaveDateTime(when);
			hssf.write(bytes);
			Files.write(file, bytes.toByteArray());
		}
		else {
			throw new IllegalArgumentException("unsupported workbook " + workbook.getClass().getName());
		}
	}

	/**
	 * POI stamps each zip entry with the wall clock; rewriting the archive with one fixed
	 * local time (no time zone involved) makes the .xlsx reproducible.
	 */
	static byte[] withFixedEntryTimes(byte[] zip, LocalDate stamped) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream rewritten = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTimeLocal(stamped.atTime(9, 0));
				rewritten.putNextEntry(copy);
				in.transferTo(rewritten);
				rewritten.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
