package org.tally.ingest.workbook.xlsx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.ZipPackagePart;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.RawRow;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetCursor;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.internal.Failures;
import org.tally.ingest.workbook.internal.Refused;
import org.tally.ingest.workbook.internal.RowChars;
import org.tally.ingest.workbook.internal.RowCursor;

/**
 * Streams one worksheet part with a pull parser: only the current row is in memory. Stops
 * reading at the end of sheetData (merge and format records after it are not needed
 * here).
 */
final class XlsxSheetCursor extends RowCursor {

	private final XlsxPackage pkg;

	private final ReadLimits limits;

	private final XlsxCellReader cellReader;

	private final String part;

	private final ReadAheadInputStream in;

	/** The sheet's XML as inflated, against which the parser's position is measured. */
	private final long partBytes;

	private final XMLStreamReader xr;

	private final ArrayList<RawCell> cells = new ArrayList<>();

	private final RowChars rowChars;

	private boolean inSheetData;

	private long rowElements;

	private int lastRow;

	private XlsxSheetCursor(Path file, String sheetName, XlsxPackage pkg, ReadLimits limits, XlsxSharedStrings strings,
			XlsxStyles styles, PackagePart sheetPart) throws Exception {
		super(file, sheetName);
		this.pkg = pkg;
		this.limits = limits;
		this.part = sheetPart.getPartName().getName();
		this.rowChars = new RowChars(limits.maxRowChars());
		this.partBytes = sheetPart instanceof ZipPackagePart zip ? zip.getZipArchive().getSize() : -1;
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
		this.cellReader = new XlsxCellReader(reader, part, limits, new XlsxCellDecoder(strings, styles));
	}

	static SheetCursor open(Path file, SheetSelector selector, ReadLimits limits) throws Exception {
		XlsxPackage pkg = XlsxPackage.open(file, limits);
		String sheet = null;
		try {
			XlsxPackage.Sheet s = pkg.select(selector);
			sheet = s.name();
			PackagePart sheetPart = pkg.sheetPart(s);
			XlsxStyles styles = XlsxStyles.read(pkg.relatedByType("styles"), pkg.xml(), limits);
			XlsxSharedStrings strings = XlsxSharedStrings.read(pkg.sharedStringsPart(), pkg.xml(), limits);
			pkg.checkParts();
			return new XlsxSheetCursor(file, sheet, pkg, limits, strings, styles, sheetPart);
		}
		catch (Throwable t) {
			pkg.close();
			throw Failures.unreadable(file, sheet, pkg.explain(t));
		}
	}

	@Override
	protected RawRow readRow() throws Exception {
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
			throw new Refused("more than " + limits.maxRows() + " rows");
		}
		String r = Xml.attr(xr, "r");
		int rowNumber = r == null ? lastRow + 1 : XlsxRefs.parsePositive(r, "row number");
		if (rowNumber > limits.maxRows()) {
			throw new Refused("row " + rowNumber + " beyond the limit of " + limits.maxRows() + " rows");
		}
		lastRow = rowNumber;
		cells.clear();
		rowChars.reset();
		boolean sorted = true;
		int lastCol = -1;
		int lastKept = -1;
		while (true) {
			int ev = Xml.nextTag(xr, part);
			if (ev == XMLStreamConstants.START_ELEMENT) {
				if (xr.getLocalName().equals("c")) {
					if (cells.size() >= limits.maxColumns()) {
						throw new Refused("more than " + limits.maxColumns() + " cells in row " + rowNumber);
					}
					RawCell cell = cellReader.read(rowNumber, lastCol);
					lastCol = cellReader.lastColumn();
					if (cell != null) {
						if (cell.column() <= lastKept) {
							sorted = false;
						}
						rowChars.add(cell.value().length(), cell.column(), rowNumber);
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
				throw new Refused("unexpected end of " + part);
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

	@Override
	public double fractionRead() {
		return partBytes <= 0 ? -1 : Math.min(1, (double) in.delivered() / partBytes);
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
	protected void release() {
		closeAll(xr::close, in);
		pkg.close();
	}

}
