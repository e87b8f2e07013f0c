package org.tally.ingest.workbook.xlsx;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.tally.ingest.workbook.internal.Refused;
import org.tally.ingest.workbook.xlsx.XlsxPackage.Sheet;

/**
 * Reads the workbook part ({@code xl/workbook.xml}): the sheet list with each sheet's
 * visibility and kind, and the 1904 date flag. The sheet count is capped while reading,
 * so that a hostile part cannot make the list grow without bound.
 */
final class XlsxWorkbookXml {

	record Listing(List<Sheet> sheets, boolean date1904) {
	}

	private XlsxWorkbookXml() {
	}

	static Listing read(PackagePart workbookPart, XMLInputFactory xml, int maxSheets) throws Exception {
		List<Sheet> out = new ArrayList<>();
		boolean date1904 = false;
		String part = workbookPart.getPartName().getName();
		try (InputStream in = workbookPart.getInputStream()) {
			XMLStreamReader r = Xml.open(xml, in);
			try {
				while (true) {
					int ev = Xml.nextTag(r, part);
					if (ev == XMLStreamConstants.END_DOCUMENT) {
						break;
					}
					if (ev != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					String local = r.getLocalName();
					if (local.equals("workbookPr")) {
						String v = Xml.attr(r, "date1904");
						date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
					}
					else if (local.equals("sheet")) {
						if (out.size() == maxSheets) {
							throw new Refused("more than " + maxSheets + " sheets in " + part);
						}
						out.add(sheet(workbookPart, r, part));
					}
				}
			}
			finally {
				r.close();
			}
		}
		return new Listing(List.copyOf(out), date1904);
	}

	private static Sheet sheet(PackagePart workbookPart, XMLStreamReader r, String part) throws Exception {
		String name = Xml.attr(r, "name");
		String state = Xml.attr(r, "state");
		String relId = null;
		for (int i = 0; i < r.getAttributeCount(); i++) {
			String ns = r.getAttributeNamespace(i);
			if ("id".equals(r.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
				relId = r.getAttributeValue(i);
			}
		}
		if (name == null || relId == null) {
			throw new Refused("sheet entry without name or relationship id in " + part);
		}
		PackageRelationship rel = workbookPart.getRelationship(relId);
		String kind = "missing";
		if (rel != null) {
			String type = rel.getRelationshipType();
			kind = type.substring(type.lastIndexOf('/') + 1);
		}
		boolean visible = state == null || state.equals("visible");
		return new Sheet(name, relId, visible, kind);
	}

}
