package org.tally.ingest.workbook.xlsx;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.internal.Refused;

/**
 * The shared-string table as plain Strings (POI's ReadOnlySharedStringsTable hands out a
 * new rich-text object per lookup). Held in memory whole, hence bounded by
 * maxSharedStringChars.
 */
final class XlsxSharedStrings {

	private final String[] strings;

	private XlsxSharedStrings(String[] strings) {
		this.strings = strings;
	}

	static XlsxSharedStrings empty() {
		return new XlsxSharedStrings(new String[0]);
	}

	int size() {
		return strings.length;
	}

	/** The string at the index, or null when out of range. */
	String get(int index) {
		return index >= 0 && index < strings.length ? strings[index] : null;
	}

	static XlsxSharedStrings read(PackagePart part, XMLInputFactory f, ReadLimits limits) throws Exception {
		if (part == null) {
			return empty();
		}
		String name = part.getPartName().getName();
		List<String> out = new ArrayList<>();
		StringBuilder si = new StringBuilder();
		StringBuilder scratch = new StringBuilder();
		long total = 0;
		try (InputStream in = part.getInputStream()) {
			XMLStreamReader r = Xml.open(f, in);
			try {
				while (true) {
					int ev = Xml.nextTag(r, name);
					if (ev == XMLStreamConstants.END_DOCUMENT) {
						break;
					}
					if (ev == XMLStreamConstants.START_ELEMENT) {
						String local = r.getLocalName();
						if (local.equals("sst")) {
							String unique = Xml.attr(r, "uniqueCount");
							presize(out, unique);
						}
						else if (local.equals("si")) {
							si.setLength(0);
						}
						else if (local.equals("rPh")) {
							Xml.skip(r, name); // phonetic guide text is not cell content
						}
						else if (local.equals("t")) {
							String t;
							try {
								t = Xml.text(r, scratch, limits.maxCellChars(), name);
							}
							catch (Xml.TooLong e) {
								t = null;
							}
							if (t != null) {
								si.append(t);
							}
							if (t == null || si.length() > limits.maxCellChars()) {
								throw new Refused("cell text longer than " + limits.maxCellChars()
										+ " characters in shared string #" + out.size());
							}
						}
					}
					else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("si")) {
						total += si.length() + 16; // + rough per-entry overhead, against
													// floods of tiny entries
						if (total > limits.maxSharedStringChars()) {
							throw new Refused(
									"shared strings exceed " + limits.maxSharedStringChars() + " characters in total");
						}
						out.add(si.length() == 0 ? "" : Xml.unescape(si.toString()));
					}
				}
			}
			finally {
				r.close();
			}
		}
		return new XlsxSharedStrings(out.toArray(new String[0]));
	}

	private static void presize(List<String> out, String unique) {
		if (unique == null) {
			return;
		}
		try {
			// Never trust a hostile count with a huge allocation.
			((ArrayList<String>) out).ensureCapacity(Math.min(Integer.parseInt(unique.trim()), 1 << 20));
		}
		catch (NumberFormatException ignored) {
			// only a sizing hint
		}
	}

}
