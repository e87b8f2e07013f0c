package org.tally.ingest.workbook;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.util.CellReference;

/**
 * Streams one worksheet part with a pull parser: only the current row is in memory. Stops
 * reading at the end of sheetData (merge and format records after it are not needed
 * here).
 */
final class XlsxSheetCursor extends RowCursor {

	private final XlsxPackage pkg;

	private final ReadLimits limits;

	private final XlsxSharedStrings strings;

	private final XlsxStyles styles;

	private final String part;

	private final InputStream in;

	private final XMLStreamReader xr;

	private final ArrayList<RawCell> cells = new ArrayList<>();

	private final StringBuilder scratch = new StringBuilder();

	private final StringBuilder inline = new StringBuilder();

	private boolean inSheetData;

	private long rowElements;

	private int lastRow;

	private XlsxSheetCursor(Path file, String sheetName, XlsxPackage pkg, ReadLimits limits, XlsxSharedStrings strings,
			XlsxStyles styles, PackagePart sheetPart) throws Exception {
		super(file, sheetName);
		this.pkg = pkg;
		this.limits = limits;
		this.strings = strings;
		this.styles = styles;
		this.part = sheetPart.getPartName().getName();
		// Inflating the sheet on a thread of its own leaves the XML to this one (see
		// ReadAheadInputStream).
		this.in = new ReadAheadInputStream(sheetPart.getInputStream(), "tally-inflate-" + file.getFileName());
		XMLStreamReader reader;
		try {
			reader = Xml.open(pkg.xml(), in);
		}
		catch (Exception e) {
			in.close();
			throw e;
		}
		this.xr = reader;
	}

	static SheetCursor open(Path file, SheetSelector selector, ReadLimits limits) throws Exception {
		XlsxPackage pkg = XlsxPackage.open(file);
		String sheet = null;
		try {
			XlsxPackage.Sheet s = pkg.select(selector);
			sheet = s.name();
			PackagePart sheetPart = pkg.sheetPart(s);
			XlsxStyles styles = XlsxStyles.read(pkg.relatedByType("styles"), pkg.xml());
			XlsxSharedStrings strings = XlsxSharedStrings.read(pkg.relatedByType("sharedStrings"), pkg.xml(), limits);
			return new XlsxSheetCursor(file, sheet, pkg, limits, strings, styles, sheetPart);
		}
		catch (Throwable t) {
			pkg.close();
			throw Failures.unreadable(file, sheet, t);
		}
	}

	@Override
	RawRow readRow() throws Exception {
		while (true) {
			int ev = Xml.nextTag(xr, part);
			if (ev == XMLStreamConstants.START_ELEMENT) {
				String local = xr.getLocalName();
				if (inSheetData && local.equals("row")) {
					RawRow row = row();
					if (row != null) {
						return row;
					}
				}
				else if (local.equals("sheetData")) {
					inSheetData = true;
				}
				else if (inSheetData) {
					Xml.skip(xr, part);
				}
			}
			else if (ev == XMLStreamConstants.END_ELEMENT) {
				if (inSheetData && xr.getLocalName().equals("sheetData")) {
					return null;
				}
			}
			else if (ev == XMLStreamConstants.END_DOCUMENT) {
				return null;
			}
		}
	}

	private RawRow row() throws Exception {
		if (++rowElements > limits.maxRows()) {
			throw new Xml.Refused("more than " + limits.maxRows() + " rows");
		}
		String r = Xml.attr(xr, "r");
		int rowNumber = r == null ? lastRow + 1 : parsePositive(r, "row number");
		if (rowNumber > limits.maxRows()) {
			throw new Xml.Refused("row " + rowNumber + " beyond the limit of " + limits.maxRows() + " rows");
		}
		lastRow = rowNumber;
		cells.clear();
		boolean sorted = true;
		int lastCol = -1;
		int lastKept = -1;
		while (true) {
			int ev = Xml.nextTag(xr, part);
			if (ev == XMLStreamConstants.START_ELEMENT) {
				if (xr.getLocalName().equals("c")) {
					if (cells.size() >= limits.maxColumns()) {
						throw new Xml.Refused("more than " + limits.maxColumns() + " cells in row " + rowNumber);
					}
					RawCell cell = cell(rowNumber, lastCol);
					lastCol = cellColumn;
					if (cell != null) {
						if (cell.column() <= lastKept) {
							sorted = false;
						}
						cells.add(cell);
						lastKept = cell.column();
					}
				}
				else {
					Xml.skip(xr, part);
				}
			}
			else if (ev == XMLStreamConstants.END_ELEMENT) {
				break; // </row>
			}
			else if (ev == XMLStreamConstants.END_DOCUMENT) {
				throw new Xml.Refused("unexpected end of " + part);
			}
		}
		if (cells.isEmpty()) {
			return null;
		}
		if (!sorted) {
			sortKeepingLast();
		}
		return new RawRow(rowNumber, cells);
	}

	/**
	 * Column of the last c element, blank or not, so that cells without r still count
	 * positions.
	 */
	private int cellColumn;

	private RawCell cell(int rowNumber, int previousColumn) throws Exception {
		String ref = null;
		String type = null;
		int style = -1;
		for (int i = 0, n = xr.getAttributeCount(); i < n; i++) {
			String name = xr.getAttributeLocalName(i);
			if (name.length() == 1) {
				char c0 = name.charAt(0);
				if (c0 == 'r') {
					ref = xr.getAttributeValue(i);
				}
				else if (c0 == 't') {
					type = xr.getAttributeValue(i);
				}
				else if (c0 == 's') {
					style = parseStyle(xr.getAttributeValue(i));
				}
			}
		}
		int column = ref == null ? previousColumn + 1 : column(ref);
		if (column >= limits.maxColumns()) {
			throw new Xml.Refused("cell " + CellReference.convertNumToColString(column) + rowNumber
					+ " beyond the limit of " + limits.maxColumns() + " columns");
		}
		cellColumn = column;
		String value = null;
		String formula = null;
		boolean hasInline = false;
		try {
			while (true) {
				int ev = Xml.nextTag(xr, part);
				if (ev == XMLStreamConstants.START_ELEMENT) {
					String local = xr.getLocalName();
					if (local.equals("v")) {
						value = Xml.text(xr, scratch, limits.maxCellChars(), part);
					}
					else if (local.equals("f")) {
						formula = Xml.text(xr, scratch, limits.maxCellChars(), part);
					}
					else if (local.equals("is")) {
						hasInline = true;
						inlineString(column, rowNumber);
					}
					else {
						Xml.skip(xr, part);
					}
				}
				else if (ev == XMLStreamConstants.END_ELEMENT) {
					break; // </c>
				}
				else if (ev == XMLStreamConstants.END_DOCUMENT) {
					throw new Xml.Refused("unexpected end of " + part);
				}
			}
		}
		catch (Xml.TooLong e) {
			throw new Xml.Refused("cell text longer than " + limits.maxCellChars() + " characters in cell "
					+ where(column, rowNumber));
		}
		return build(column, rowNumber, type, style, value, formula, hasInline ? inline.toString() : null);
	}

	private void inlineString(int column, int rowNumber) throws Exception {
		inline.setLength(0);
		int depth = 0;
		while (true) {
			int ev = Xml.nextTag(xr, part);
			if (ev == XMLStreamConstants.START_ELEMENT) {
				String local = xr.getLocalName();
				if (local.equals("t")) {
					inline.append(Xml.text(xr, scratch, limits.maxCellChars(), part));
					if (inline.length() > limits.maxCellChars()) {
						throw new Xml.TooLong();
					}
				}
				else if (local.equals("rPh")) {
					Xml.skip(xr, part);
				}
				else {
					depth++;
				}
			}
			else if (ev == XMLStreamConstants.END_ELEMENT) {
				if (depth == 0) {
					return; // </is>
				}
				depth--;
			}
			else if (ev == XMLStreamConstants.END_DOCUMENT) {
				throw new Xml.Refused("unexpected end of " + part);
			}
		}
	}

	private RawCell build(int column, int rowNumber, String type, int style, String v, String formula,
			String inlineText) {
		boolean date = styles.isDate(style);
		if (type == null || type.equals("n")) {
			if (v == null || v.isEmpty()) {
				return formulaWithoutValue(column, formula, date);
			}
			if (!isNumber(v)) {
				throw new Xml.Refused("invalid number '" + abbreviate(v) + "' in cell " + where(column, rowNumber));
			}
			return new RawCell(column, CellKind.NUMBER, v, date);
		}
		switch (type) {
			case "s" -> {
				if (v == null || v.isEmpty()) {
					return null;
				}
				int index;
				try {
					index = Integer.parseInt(v.trim());
				}
				catch (NumberFormatException e) {
					throw new Xml.Refused(
							"invalid shared string index '" + abbreviate(v) + "' in cell " + where(column, rowNumber));
				}
				String s = strings.get(index);
				if (s == null) {
					throw new Xml.Refused("shared string #" + index + " missing (table has " + strings.size()
							+ ") in cell " + where(column, rowNumber));
				}
				return s.isEmpty() ? null : new RawCell(column, CellKind.TEXT, s, date);
			}
			case "inlineStr" -> {
				String s = inlineText != null ? Xml.unescape(inlineText) : v;
				return s == null || s.isEmpty() ? formulaWithoutValue(column, formula, date)
						: new RawCell(column, CellKind.TEXT, s, date);
			}
			case "str" -> {
				if (v == null) {
					return formulaWithoutValue(column, formula, date);
				}
				return v.isEmpty() ? null : new RawCell(column, CellKind.TEXT, Xml.unescape(v), date);
			}
			case "b" -> {
				if (v == null || v.isEmpty()) {
					return formulaWithoutValue(column, formula, date);
				}
				String t = v.trim();
				boolean b = t.equals("1") || t.equalsIgnoreCase("true");
				if (!b && !t.equals("0") && !t.equalsIgnoreCase("false")) {
					throw new Xml.Refused(
							"invalid boolean '" + abbreviate(v) + "' in cell " + where(column, rowNumber));
				}
				return new RawCell(column, CellKind.BOOLEAN, b ? "TRUE" : "FALSE", date);
			}
			case "e" -> {
				if (v == null || v.isEmpty()) {
					return formulaWithoutValue(column, formula, date);
				}
				return new RawCell(column, CellKind.ERROR, v, date);
			}
			case "d" -> {
				// ISO 8601 date cells (Strict OOXML, some generators): kept as stored
				// text.
				return v == null || v.isEmpty() ? formulaWithoutValue(column, formula, date)
						: new RawCell(column, CellKind.TEXT, v, true);
			}
			default -> throw new Xml.Refused(
					"unknown cell type '" + abbreviate(type) + "' in cell " + where(column, rowNumber));
		}
	}

	private static RawCell formulaWithoutValue(int column, String formula, boolean date) {
		return formula == null ? null : new RawCell(column, CellKind.FORMULA_WITHOUT_VALUE, formula, date);
	}

	/**
	 * XML Schema double lexical form, as Excel writes numbers: digits, sign, point,
	 * exponent.
	 */
	static boolean isNumber(String v) {
		int n = v.length();
		int i = 0;
		if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
			i++;
		}
		int digits = 0;
		while (i < n && Character.isDigit(v.charAt(i)) && v.charAt(i) < 128) {
			i++;
			digits++;
		}
		if (i < n && v.charAt(i) == '.') {
			i++;
			while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			return false;
		}
		if (i < n && (v.charAt(i) == 'E' || v.charAt(i) == 'e')) {
			i++;
			if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
				i++;
			}
			int exp = 0;
			while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
				i++;
				exp++;
			}
			if (exp == 0) {
				return false;
			}
		}
		return i == n;
	}

	/** 0-based column of a reference like "AB12"; letters only count. */
	private int column(String ref) {
		int col = 0;
		int letters = 0;
		for (int i = 0; i < ref.length(); i++) {
			char c = ref.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				col = col * 26 + (c - 'A' + 1);
			}
			else if (c >= 'a' && c <= 'z') {
				col = col * 26 + (c - 'a' + 1);
			}
			else if (c == '$') {
				continue;
			}
			else {
				break;
			}
			if (++letters > 3) {
				throw new Xml.Refused("invalid cell reference '" + abbreviate(ref) + "'");
			}
		}
		if (letters == 0) {
			throw new Xml.Refused("invalid cell reference '" + abbreviate(ref) + "'");
		}
		return col - 1;
	}

	private static int parsePositive(String s, String what) {
		try {
			int v = Integer.parseInt(s.trim());
			if (v >= 1) {
				return v;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		throw new Xml.Refused("invalid " + what + " '" + abbreviate(s) + "'");
	}

	private static int parseStyle(String s) {
		int v = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9' || v > 100_000_000) {
				return -1;
			}
			v = v * 10 + (c - '0');
		}
		return v;
	}

	private void sortKeepingLast() {
		// Out-of-order cells are rare (hand-made files); a stable sort keeps the later
		// duplicate last.
		cells.sort(Comparator.comparingInt(RawCell::column));
		ArrayList<RawCell> unique = new ArrayList<>(cells.size());
		for (int i = 0; i < cells.size(); i++) {
			if (i + 1 < cells.size() && cells.get(i + 1).column() == cells.get(i).column()) {
				continue;
			}
			unique.add(cells.get(i));
		}
		cells.clear();
		cells.addAll(unique);
	}

	private static String where(int column, int rowNumber) {
		return CellReference.convertNumToColString(column) + rowNumber;
	}

	private static String abbreviate(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}

	@Override
	public boolean date1904() {
		return pkg.date1904();
	}

	@Override
	public String format() {
		return "xlsx";
	}

	@Override
	void release() {
		try {
			xr.close();
		}
		catch (Exception ignored) {
			// closing the package below releases the file either way
		}
		try {
			in.close();
		}
		catch (Exception ignored) {
			// as above
		}
		pkg.close();
	}

}
