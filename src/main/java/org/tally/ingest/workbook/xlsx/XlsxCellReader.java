package org.tally.ingest.workbook.xlsx;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.tally.ingest.workbook.RawCell;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.internal.Refused;

/**
 * Reads one worksheet cell element (its attributes, value, formula and inline string)
 * with bounded text, and hands the parts to the decoder.
 */
final class XlsxCellReader {

	private final XMLStreamReader xr;

	private final String part;

	private final ReadLimits limits;

	private final XlsxCellDecoder decoder;

	private final StringBuilder scratch = new StringBuilder();

	private final StringBuilder inline = new StringBuilder();

	XlsxCellReader(XMLStreamReader xr, String part, ReadLimits limits, XlsxCellDecoder decoder) {
		this.xr = xr;
		this.part = part;
		this.limits = limits;
		this.decoder = decoder;
	}

	/**
	 * Column of the last c element, blank or not, so that cells without r still count
	 * positions.
	 */
	private int cellColumn;

	/**
	 * Reads the c element the parser is on, to its end; null for a cell that holds
	 * nothing.
	 */
	RawCell read(int rowNumber, int previousColumn) throws Exception {
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
					style = XlsxRefs.parseStyle(xr.getAttributeValue(i));
				}
			}
		}
		int column = ref == null ? previousColumn + 1 : XlsxRefs.column(ref);
		if (column >= limits.maxColumns()) {
			throw new Refused("cell " + XlsxCellDecoder.where(column, rowNumber) + " beyond the limit of "
					+ limits.maxColumns() + " columns");
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
					throw new Refused("unexpected end of " + part);
				}
			}
		}
		catch (Xml.TooLong e) {
			throw new Refused("cell text longer than " + limits.maxCellChars() + " characters in cell "
					+ XlsxCellDecoder.where(column, rowNumber));
		}
		return decoder.decode(column, rowNumber, type, style, value, formula, hasInline ? inline.toString() : null);
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
				throw new Refused("unexpected end of " + part);
			}
		}
	}

	/** The column of the last cell read, blank or not. */
	int lastColumn() {
		return cellColumn;
	}

}
