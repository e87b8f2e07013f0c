package org.tally.answer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.tally.validate.RejectedCell;

/**
 * Marks rejected cells in a department's own workbook: filled red, with a comment that
 * gives the reason in Chinese and then in English. A cell's own comment is kept below the
 * reason; everything else in the workbook is left as it was.
 */
public final class CellMarks {

	/** The fill of a rejected cell. */
	public static final IndexedColors RED = IndexedColors.RED;

	/** The author a marking comment carries. */
	public static final String AUTHOR = "Tally";

	/** Between the reason and the comment the cell had before. */
	static final String EARLIER_COMMENT = "\n—— 原批注 ——\n";

	private CellMarks() {
	}

	/**
	 * The text of the comment on a rejected cell: each of its reasons, Chinese then
	 * English.
	 */
	public static String commentText(List<RejectedCell> rejects) {
		return rejects.stream()
			.map(r -> r.reasonZh() + "\n" + r.reasonEn())
			.distinct()
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Where a reject is marked: its cell, or the first cell of its row when it names no
	 * column.
	 */
	public static CellReference where(RejectedCell reject) {
		String ref = reject.cellRef();
		if (ref != null && ref.matches("[A-Za-z]{1,3}[0-9]+")) {
			return new CellReference(ref);
		}
		return new CellReference(reject.rowNumber() - 1, 0);
	}

	/** Marks every reject on {@code sheet} and returns how many cells it marked. */
	public static int mark(Workbook workbook, Sheet sheet, List<RejectedCell> rejects) {
		Map<String, List<RejectedCell>> byCell = new LinkedHashMap<>();
		rejects.forEach(r -> byCell.computeIfAbsent(where(r).formatAsString(false), k -> new ArrayList<>()).add(r));
		CreationHelper helper = workbook.getCreationHelper();
		Drawing<?> drawing = sheet.getDrawingPatriarch() != null ? sheet.getDrawingPatriarch()
				: sheet.createDrawingPatriarch();
		Map<Integer, CellStyle> redOf = new HashMap<>();
		for (Map.Entry<String, List<RejectedCell>> entry : byCell.entrySet()) {
			CellReference ref = new CellReference(entry.getKey());
			Row row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
			Cell cell = row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
			CellStyle original = cell.getCellStyle();
			cell.setCellStyle(redOf.computeIfAbsent((int) original.getIndex(), index -> red(workbook, original)));
			String text = commentText(entry.getValue());
			Comment comment = cell.getCellComment();
			if (comment != null) {
				comment
					.setString(helper.createRichTextString(text + EARLIER_COMMENT + comment.getString().getString()));
			}
			else {
				ClientAnchor anchor = helper.createClientAnchor();
				anchor.setCol1(ref.getCol() + 1);
				anchor.setCol2(ref.getCol() + 5);
				anchor.setRow1(ref.getRow());
				anchor.setRow2(ref.getRow() + 4);
				comment = drawing.createCellComment(anchor);
				comment.setString(helper.createRichTextString(text));
				comment.setAuthor(AUTHOR);
				cell.setCellComment(comment);
			}
		}
		// The clerk opens the workbook on the marked sheet, and on it alone (two selected
		// sheets would be edited together).
		int marked = workbook.getSheetIndex(sheet);
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			workbook.getSheetAt(i).setSelected(i == marked);
		}
		workbook.setActiveSheet(marked);
		return byCell.size();
	}

	private static CellStyle red(Workbook workbook, CellStyle original) {
		CellStyle red = workbook.createCellStyle();
		red.cloneStyleFrom(original);
		red.setFillForegroundColor(RED.getIndex());
		red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		return red;
	}

}
