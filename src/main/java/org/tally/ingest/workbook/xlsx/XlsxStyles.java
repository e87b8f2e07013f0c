package org.tally.ingest.workbook.xlsx;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.internal.ExcelDateFormats;
import org.tally.ingest.workbook.internal.Refused;

/**
 * Per cell style index: its number format code, and is it a date format? Read with a pull
 * parser instead of POI's StylesTable, which builds an XmlBeans tree of the whole part.
 */
final class XlsxStyles {

	private static final boolean[] NONE = new boolean[0];

	private static final String GENERAL = BuiltinFormats.getBuiltinFormat(0);

	private final boolean[] dateStyle;

	private final String[] formatCode;

	private XlsxStyles(boolean[] dateStyle, String[] formatCode) {
		this.dateStyle = dateStyle;
		this.formatCode = formatCode;
	}

	static XlsxStyles none() {
		return new XlsxStyles(NONE, new String[0]);
	}

	boolean isDate(int styleIndex) {
		return styleIndex >= 0 && styleIndex < dateStyle.length && dateStyle[styleIndex];
	}

	/**
	 * The style's format code: its custom numFmt, or the built-in one of its id; General
	 * for a cell without a style. One string per style, shared by its cells.
	 */
	String format(int styleIndex) {
		if (styleIndex >= 0 && styleIndex < formatCode.length) {
			return formatCode[styleIndex];
		}
		return GENERAL;
	}

	static XlsxStyles read(PackagePart part, XMLInputFactory f, ReadLimits limits) throws Exception {
		if (part == null) {
			return none();
		}
		String name = part.getPartName().getName();
		Map<Integer, String> custom = new HashMap<>();
		boolean[] flags = new boolean[64];
		String[] codes = new String[64];
		int count = 0;
		int max = limits.maxNumberFormats();
		try (InputStream in = part.getInputStream()) {
			XMLStreamReader r = Xml.open(f, in);
			try {
				boolean inCellXfs = false;
				while (true) {
					int ev = Xml.nextTag(r, name);
					if (ev == XMLStreamConstants.END_DOCUMENT) {
						break;
					}
					if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
						inCellXfs = false;
					}
					if (ev != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					String local = r.getLocalName();
					if (local.equals("numFmt")) {
						Integer id = parseId(Xml.attr(r, "numFmtId"));
						String code = Xml.attr(r, "formatCode");
						if (id != null && code != null) {
							if (custom.size() == max && !custom.containsKey(id)) {
								throw new Refused("more than " + max + " number formats in " + name);
							}
							custom.put(id, code);
						}
					}
					else if (local.equals("cellXfs")) {
						inCellXfs = true;
					}
					else if (inCellXfs && local.equals("xf")) {
						if (count == max) {
							throw new Refused("more than " + max + " cell formats (cellXfs) in " + name);
						}
						if (count == flags.length) {
							flags = Arrays.copyOf(flags, count * 2);
							codes = Arrays.copyOf(codes, count * 2);
						}
						Integer id = parseId(Xml.attr(r, "numFmtId"));
						codes[count] = id == null ? GENERAL : custom.getOrDefault(id,
								Objects.requireNonNullElse(BuiltinFormats.getBuiltinFormat(id), GENERAL));
						flags[count++] = id != null && ExcelDateFormats.isDateFormat(id, custom.get(id));
						Xml.skip(r, name);
					}
				}
			}
			finally {
				r.close();
			}
		}
		return new XlsxStyles(Arrays.copyOf(flags, count), Arrays.copyOf(codes, count));
	}

	private static Integer parseId(String s) {
		if (s == null) {
			return null;
		}
		try {
			return Integer.valueOf(s.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
