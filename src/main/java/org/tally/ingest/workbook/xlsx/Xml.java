package org.tally.ingest.workbook.xlsx;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;
import org.tally.ingest.workbook.internal.Refused;

/** Pull-parsing helpers for OOXML parts: no DTDs, no entities, bounded text. */
final class Xml {

	/** Text over the cell limit; the caller adds where it happened. */
	static final class TooLong extends RuntimeException {

		TooLong() {
			super("cell text too long", null, false, false);
		}

	}

	/**
	 * A worksheet nests a handful of levels; a hostile file nesting many thousands stalls
	 * the JDK parser while it skips them (HostileInputBoundsTest, docs/faults.md), so a
	 * deeper subtree is refused as soon as it is seen.
	 */
	static final int MAX_ELEMENT_DEPTH = 256;

	private Xml() {
	}

	static XMLInputFactory factory() {
		XMLInputFactory f = XMLHelper.newXMLInputFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		f.setProperty(XMLInputFactory.IS_COALESCING, false);
		return f;
	}

	static XMLStreamReader open(XMLInputFactory f, InputStream in) throws XMLStreamException {
		return f.createXMLStreamReader(in);
	}

	/** OOXML never carries a DTD: one is either an XXE or an entity-expansion attack. */
	static Refused dtd(String part) {
		return new Refused("XML external entity / DTD in " + part + ": refused");
	}

	static Refused tooDeep(String part) {
		return new Refused(
				"XML nested deeper than " + MAX_ELEMENT_DEPTH + " elements in " + part + ": not a normal workbook");
	}

	static int nextTag(XMLStreamReader r, String part) throws XMLStreamException {
		int ev = r.next();
		if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
			throw dtd(part);
		}
		return ev;
	}

	/**
	 * Text of the current (start) element, up to its end, capped at {@code max}
	 * characters. Nested elements contribute their text too. Leaves the reader on the
	 * element's END_ELEMENT.
	 */
	static String text(XMLStreamReader r, StringBuilder sb, long max, String part) throws XMLStreamException {
		int ev = nextTag(r, part);
		if (ev == XMLStreamConstants.END_ELEMENT) {
			return "";
		}
		String single = null;
		sb.setLength(0);
		int depth = 0;
		while (true) {
			switch (ev) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					int len = r.getTextLength();
					if (single == null && sb.length() == 0) {
						// Common case: one text event; avoid the builder copy.
						single = new String(r.getTextCharacters(), r.getTextStart(), len);
					}
					else {
						if (single != null) {
							sb.append(single);
							single = null;
						}
						sb.append(r.getTextCharacters(), r.getTextStart(), len);
					}
					long total = single != null ? single.length() : sb.length();
					if (total > max) {
						throw new TooLong();
					}
				}
				case XMLStreamConstants.START_ELEMENT -> {
					if (++depth > MAX_ELEMENT_DEPTH) {
						throw tooDeep(part);
					}
				}
				case XMLStreamConstants.END_ELEMENT -> {
					if (depth == 0) {
						return single != null ? single : sb.toString();
					}
					depth--;
				}
				case XMLStreamConstants.END_DOCUMENT -> throw new Refused("unexpected end of " + part);
				default -> {
					// comments, processing instructions: ignored
				}
			}
			ev = nextTag(r, part);
		}
	}

	/**
	 * Skips the subtree of the current START_ELEMENT, leaving the reader on its
	 * END_ELEMENT.
	 */
	static void skip(XMLStreamReader r, String part) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int ev = nextTag(r, part);
			if (ev == XMLStreamConstants.START_ELEMENT) {
				if (++depth > MAX_ELEMENT_DEPTH) {
					throw tooDeep(part);
				}
			}
			else if (ev == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
			else if (ev == XMLStreamConstants.END_DOCUMENT) {
				throw new Refused("unexpected end of " + part);
			}
		}
	}

	static String attr(XMLStreamReader r, String localName) {
		for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
			if (localName.equals(r.getAttributeLocalName(i))) {
				String ns = r.getAttributeNamespace(i);
				if (ns == null || ns.isEmpty()) {
					return r.getAttributeValue(i);
				}
			}
		}
		return null;
	}

	/**
	 * Decodes OOXML's {@code _xHHHH_} escapes (how Excel stores control characters such
	 * as CR).
	 */
	static String unescape(String s) {
		int at = s.indexOf("_x");
		if (at < 0) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length());
		int i = 0;
		while (at >= 0) {
			if (at + 7 <= s.length() && s.charAt(at + 6) == '_' && hex4(s, at + 2) >= 0) {
				out.append(s, i, at).append((char) hex4(s, at + 2));
				i = at + 7;
			}
			else {
				out.append(s, i, at + 2);
				i = at + 2;
			}
			at = s.indexOf("_x", i);
		}
		return out.append(s, i, s.length()).toString();
	}

	private static int hex4(String s, int from) {
		int v = 0;
		for (int k = from; k < from + 4; k++) {
			// ASCII only: Character.digit would also take full-width and other Unicode
			// digits, which the escape syntax does not allow (nor do Excel and POI).
			char c = s.charAt(k);
			int d = c < 128 ? Character.digit(c, 16) : -1;
			if (d < 0) {
				return -1;
			}
			v = v * 16 + d;
		}
		return v;
	}

}
