package org.tally.ingest.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.tally.ingest.workbook.internal.ExcelDateFormats;
import org.tally.ingest.workbook.internal.Refused;
import org.tally.ingest.workbook.internal.RowChars;
import org.tally.ingest.workbook.internal.RowCursor;

/**
 * Legacy .xls through HSSF. The whole workbook is loaded (acceptable for BIFF8 files,
 * which Excel caps at 65,536 rows); rows are converted lazily.
 */
final class XlsSheetCursor extends RowCursor {

	private final POIFSFileSystem fs;

	private final HSSFWorkbook wb;

	private final Iterator<Row> rows;

	private final ReadLimits limits;

	private final boolean date1904;

	private final ArrayList<RawCell> cells = new ArrayList<>();

	private final RowChars rowChars;

	private long rowCount;

	/**
	 * The sheet's last row (1-based) and the last row read, for the reader's position.
	 */
	private final int lastRow;

	private int rowReached;

	private XlsSheetCursor(Path file, POIFSFileSystem fs, HSSFWorkbook wb, HSSFSheet sheet, ReadLimits limits) {
		super(file, sheet.getSheetName());
		this.fs = fs;
		this.wb = wb;
		this.rows = sheet.rowIterator();
		this.lastRow = sheet.getLastRowNum() + 1;
		this.limits = limits;
		this.rowChars = new RowChars(limits.maxRowChars());
		this.date1904 = wb.getInternalWorkbook().isUsing1904DateWindowing();
	}

	/** Opens an OLE2 container: an .xls workbook, or explains what else it holds. */
	static SheetCursor open(Path file, SheetSelector selector, ReadLimits limits) throws Exception {
		checkSize(file, limits);
		POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
		try {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
				throw new UnreadableFileException(file, null, "password-protected workbook");
			}
			if (!root.hasEntryCaseInsensitive("Workbook")) {
				throw new UnreadableFileException(file, null, ole2Reason(root));
			}
			HSSFWorkbook wb = new HSSFWorkbook(root, true);
			checkSheets(wb, limits);
			HSSFSheet sheet = wb.getSheetAt(select(file, wb, selector));
			return new XlsSheetCursor(file, fs, wb, sheet, limits);
		}
		catch (Throwable t) {
			fs.close();
			throw t;
		}
	}

	/** HSSF holds the whole file and every record: refused before it reads a byte. */
	private static void checkSize(Path file, ReadLimits limits) throws IOException {
		long size = Files.size(file);
		if (size > limits.maxXlsBytes()) {
			throw new UnreadableFileException(file, null, "legacy .xls file too large: " + size + " bytes (limit "
					+ limits.maxXlsBytes() + "); save it as .xlsx");
		}
	}

	private static void checkSheets(HSSFWorkbook wb, ReadLimits limits) {
		if (wb.getNumberOfSheets() > limits.maxSheets()) {
			throw new Refused("more than " + limits.maxSheets() + " sheets in the workbook");
		}
	}

	private static String ole2Reason(DirectoryNode root) {
		if (root.hasEntryCaseInsensitive("Book")) {
			return "Excel 5.0/95 (or older) workbook is too old; save it as .xlsx";
		}
		if (root.hasEntryCaseInsensitive("WordDocument")) {
			return "not a spreadsheet (looks like a Word document)";
		}
		if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
			return "not a spreadsheet (looks like a PowerPoint presentation)";
		}
		return "OLE2 container without an Excel workbook";
	}

	/** Every sheet in workbook order, with its visibility. */
	static List<FileFormat.Sheet> sheets(Path file, ReadLimits limits) throws Exception {
		checkSize(file, limits);
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			if (!fs.getRoot().hasEntryCaseInsensitive("Workbook")) {
				throw new UnreadableFileException(file, null, ole2Reason(fs.getRoot()));
			}
			try (HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), true)) {
				checkSheets(wb, limits);
				List<FileFormat.Sheet> sheets = new ArrayList<>();
				for (int i = 0; i < wb.getNumberOfSheets(); i++) {
					sheets.add(new FileFormat.Sheet(wb.getSheetName(i),
							!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i), null));
				}
				return sheets;
			}
		}
	}

	static List<String> visibleSheetNames(Path file, ReadLimits limits) throws Exception {
		checkSize(file, limits);
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntryCaseInsensitive("EncryptionInfo")) {
				throw new UnreadableFileException(file, null, "password-protected workbook");
			}
			if (!root.hasEntryCaseInsensitive("Workbook")) {
				throw new UnreadableFileException(file, null, ole2Reason(root));
			}
			try (HSSFWorkbook wb = new HSSFWorkbook(root, true)) {
				checkSheets(wb, limits);
				return visible(wb).stream().map(wb::getSheetName).toList();
			}
		}
	}

	private static List<Integer> visible(HSSFWorkbook wb) {
		List<Integer> out = new ArrayList<>();
		for (int i = 0; i < wb.getNumberOfSheets(); i++) {
			if (!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i)) {
				out.add(i);
			}
		}
		return out;
	}

	private static int select(Path file, HSSFWorkbook wb, SheetSelector sel) {
		List<Integer> visible = visible(wb);
		if (sel.name() != null) {
			int i = wb.getSheetIndex(sel.name());
			// getSheetIndex ignores case, as Excel does; an exact name is asked for here.
			if (i >= 0 && wb.getSheetName(i).equals(sel.name())) {
				return i;
			}
		}
		else if (sel.index() != null) {
			if (sel.index() < visible.size()) {
				return visible.get(sel.index());
			}
		}
		else if (sel.pattern() != null) {
			Pattern p = Pattern.compile(sel.pattern());
			for (int i : visible) {
				if (p.matcher(wb.getSheetName(i)).find()) {
					return i;
				}
			}
		}
		else {
			if (visible.isEmpty()) {
				throw new UnreadableFileException(file, null, "workbook has no visible worksheet");
			}
			return visible.get(0);
		}
		String names = visible.stream().map(wb::getSheetName).collect(Collectors.joining(", "));
		throw new UnreadableFileException(file, null, "sheet " + sel.describe() + " not found; sheets: " + names);
	}

	@Override
	protected RawRow readRow() {
		while (rows.hasNext()) {
			HSSFRow row = (HSSFRow) rows.next();
			int rowNumber = row.getRowNum() + 1;
			rowReached = rowNumber;
			if (++rowCount > limits.maxRows() || rowNumber > limits.maxRows()) {
				throw new Refused("more than " + limits.maxRows() + " rows");
			}
			cells.clear();
			rowChars.reset();
			for (Iterator<Cell> it = row.cellIterator(); it.hasNext();) {
				RawCell c = cell((HSSFCell) it.next(), rowNumber);
				if (c != null) {
					rowChars.add(c.value().length(), c.column(), rowNumber);
					cells.add(c);
				}
			}
			if (!cells.isEmpty()) {
				return new RawRow(rowNumber, cells);
			}
		}
		return null;
	}

	private RawCell cell(HSSFCell cell, int rowNumber) {
		int column = cell.getColumnIndex();
		if (column >= limits.maxColumns()) {
			throw new Refused("cell " + CellReference.convertNumToColString(column) + rowNumber
					+ " beyond the limit of " + limits.maxColumns() + " columns");
		}
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
		}
		String format = cell.getCellStyle().getDataFormatString();
		boolean date = ExcelDateFormats.isDateFormat(cell.getCellStyle().getDataFormat(), format);
		return switch (type) {
			case NUMERIC -> new RawCell(column, CellKind.NUMBER,
					NumberToTextConverter.toText(cell.getNumericCellValue()), date, format);
			case STRING -> {
				String s = cell.getRichStringCellValue().getString();
				if (s.length() > limits.maxCellChars()) {
					throw new Refused("cell text longer than " + limits.maxCellChars() + " characters in cell "
							+ CellReference.convertNumToColString(column) + rowNumber);
				}
				yield s.isEmpty() ? null : new RawCell(column, CellKind.TEXT, s, date, format);
			}
			case BOOLEAN ->
				new RawCell(column, CellKind.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE", date, format);
			case ERROR -> new RawCell(column, CellKind.ERROR, errorText(cell.getErrorCellValue()), date, format);
			default -> null;
		};
	}

	private static String errorText(byte code) {
		try {
			return FormulaError.forInt(code).getString();
		}
		catch (IllegalArgumentException e) {
			return "#ERR" + code;
		}
	}

	@Override
	public double fractionRead() {
		return lastRow <= 0 ? 1 : Math.min(1, (double) rowReached / lastRow);
	}

	@Override
	public boolean date1904() {
		return date1904;
	}

	@Override
	public String format() {
		return "xls";
	}

	@Override
	protected void release() {
		closeAll(wb, fs);
	}

}
