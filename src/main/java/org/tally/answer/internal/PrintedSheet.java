package org.tally.answer.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.tally.figures.ExportText;

/**
 * A sheet laid out to be read and printed by a clerk: columns as wide as their text
 * (Chinese characters count double) up to a cap past which the text wraps, a frozen
 * two-row header (Chinese over English) repeated on every printed page, landscape, one
 * page wide. Formula-like text is written inert, with the quote-prefix style.
 */
public final class PrintedSheet {

	/** Width units of the widest column whatever its cap: Excel's own limit is 255. */
	private static final int MAX_WIDTH = 100;

	private final Sheet sheet;

	private final Styles styles;

	/** The widest text written in each column, in display units. */
	private final List<Integer> widths = new ArrayList<>();

	public PrintedSheet(Sheet sheet, Styles styles) {
		this.sheet = sheet;
		this.styles = styles;
	}

	/** The styles a workbook's printed sheets share (a workbook has a few thousand). */
	public record Styles(CellStyle title, CellStyle subtitle, CellStyle header, CellStyle headerEn, CellStyle text,
			CellStyle quoted) {
	}

	public static Styles styles(Workbook workbook) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		Font large = workbook.createFont();
		large.setBold(true);
		large.setFontHeightInPoints((short) 14);
		Font grey = workbook.createFont();
		grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
		grey.setFontHeightInPoints((short) 9);
		CellStyle title = workbook.createCellStyle();
		title.setFont(large);
		CellStyle subtitle = workbook.createCellStyle();
		CellStyle header = headerStyle(workbook, bold);
		CellStyle headerEn = headerStyle(workbook, grey);
		CellStyle text = workbook.createCellStyle();
		text.setWrapText(true);
		text.setVerticalAlignment(VerticalAlignment.TOP);
		CellStyle quoted = workbook.createCellStyle();
		quoted.cloneStyleFrom(text);
		quoted.setQuotePrefixed(true);
		return new Styles(title, subtitle, header, headerEn, text, quoted);
	}

	private static CellStyle headerStyle(Workbook workbook, Font font) {
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		style.setWrapText(true);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		return style;
	}

	public Row row(int index) {
		return sheet.createRow(index);
	}

	/** A title line: it runs across the columns to its right, so it sets no width. */
	public void title(int rowIndex, String text) {
		line(rowIndex, text, styles.title());
	}

	public void subtitle(int rowIndex, String text) {
		line(rowIndex, text, styles.subtitle());
	}

	private void line(int rowIndex, String text, CellStyle style) {
		Cell cell = sheet.createRow(rowIndex).createCell(0);
		cell.setCellValue(text);
		cell.setCellStyle(ExportText.startsFormula(text) ? styles.quoted() : style);
	}

	/** The header: Chinese in {@code rowIndex}, English in the row below. */
	public void headers(int rowIndex, List<String> zh, List<String> en) {
		Row top = sheet.createRow(rowIndex);
		Row bottom = sheet.createRow(rowIndex + 1);
		for (int c = 0; c < zh.size(); c++) {
			header(top, c, zh.get(c), styles.header());
			header(bottom, c, en.get(c), styles.headerEn());
		}
	}

	private void header(Row row, int column, String text, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(text);
		cell.setCellStyle(ExportText.startsFormula(text) ? styles.quoted() : style);
		track(column, text);
	}

	public void text(Row row, int column, String value) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(ExportText.startsFormula(value) ? styles.quoted() : styles.text());
		track(column, value);
	}

	public void number(Row row, int column, Integer value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
			track(column, value.toString());
		}
	}

	/**
	 * Sets the widths (each column's text, at most its cap in {@code caps}, where the
	 * text wraps), freezes the rows above {@code firstDataRow}, repeats the two header
	 * rows above it on every page, and prints landscape, one page wide.
	 */
	public void finish(int firstDataRow, List<Integer> caps) {
		for (int c = 0; c < widths.size(); c++) {
			int cap = c < caps.size() ? caps.get(c) : 24;
			int width = Math.min(Math.min(cap, MAX_WIDTH), Math.max(4, widths.get(c))) + 2;
			sheet.setColumnWidth(c, width * 256);
		}
		sheet.createFreezePane(0, firstDataRow);
		sheet.setRepeatingRows(CellRangeAddress.valueOf((firstDataRow - 1) + ":" + firstDataRow));
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(true);
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		sheet.setPrintGridlines(true);
		sheet.setMargin(Sheet.LeftMargin, 0.4);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		sheet.setMargin(Sheet.TopMargin, 0.5);
		sheet.setMargin(Sheet.BottomMargin, 0.6);
		sheet.getFooter().setCenter("第 &P 页，共 &N 页");
	}

	private void track(int column, String text) {
		while (widths.size() <= column) {
			widths.add(0);
		}
		widths.set(column, Math.max(widths.get(column), displayWidth(text)));
	}

	/**
	 * Columns a text needs on screen: a Chinese (or other full-width) character takes two
	 * of the widths Excel measures in; the widest line counts.
	 */
	static int displayWidth(String text) {
		int widest = 0;
		for (String line : text.split("\n", -1)) {
			int width = line.codePoints().map(PrintedSheet::units).sum();
			widest = Math.max(widest, width);
		}
		return widest;
	}

	private static int units(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		boolean wide = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
				|| (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60);
		return wide ? 2 : 1;
	}

}
