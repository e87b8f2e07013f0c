package org.tally.ingest.workbook.internal;

import java.io.EOFException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.tally.ingest.workbook.UnreadableFileException;

/**
 * Turns whatever a parser threw on a hostile or broken file into one clear, one-line
 * reason.
 */
public final class Failures {

	private static final Pattern RATIO = Pattern.compile("ratio: ([0-9.]+)");

	private static final Pattern ENTRY = Pattern.compile("Entry: (\\S+)");

	private Failures() {
	}

	public static UnreadableFileException unreadable(Path file, String sheet, Throwable t) {
		if (t instanceof UnreadableFileException u) {
			return u;
		}
		return new UnreadableFileException(file, sheet, reason(t), t);
	}

	public static String reason(Throwable t) {
		if (t instanceof StackOverflowError) {
			return "file structure too deeply nested (stack overflow while parsing)";
		}
		if (t instanceof OutOfMemoryError) {
			return "out of memory while reading the file (too large or hostile content)";
		}
		for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
			String known = known(c);
			if (known != null) {
				return known;
			}
		}
		return "damaged file: " + describe(t);
	}

	private static String known(Throwable c) {
		String msg = c.getMessage() == null ? "" : c.getMessage();
		if (c instanceof Refused) {
			return msg;
		}
		if (c instanceof EncryptedDocumentException) {
			return "password-protected workbook";
		}
		if (c instanceof OldExcelFormatException) {
			return "Excel 5.0/95 (or older) workbook is too old; save it as .xlsx";
		}
		if (msg.contains("Zip bomb detected") && msg.contains("max. ratio")) {
			Matcher r = RATIO.matcher(msg);
			Matcher e = ENTRY.matcher(msg);
			return "zip bomb suspected: compression ratio " + (r.find() ? r.group(1) : "?") + " below the minimum 0.01"
					+ (e.find() ? " in " + e.group(1) : "");
		}
		if (msg.contains("Zip bomb detected")) {
			Matcher e = ENTRY.matcher(msg);
			return "zip bomb suspected: entry expands beyond the maximum size"
					+ (e.find() ? " (" + e.group(1) + ")" : "");
		}
		if (msg.contains("embeds more internal file entries than expected")) {
			return "too many zip entries (more than 1000): not a normal workbook";
		}
		if (msg.contains("ODF (Open Document)")) {
			return "OpenDocument spreadsheet (.ods) is not supported; save it as .xlsx";
		}
		if (msg.contains("content type part [M1.13]") || msg.contains("No valid entries or contents found")) {
			return "ZIP archive is not an Office document (no [Content_Types].xml)";
		}
		if (msg.contains("more than 1 entry with the name")) {
			return "damaged ZIP: duplicate entry names";
		}
		if (msg.contains("DOCTYPE") || msg.contains("DTD")) {
			return "XML document type declaration (external entity / entity expansion) in the package: refused";
		}
		if (c instanceof CharacterCodingException) {
			return "text is not valid in its detected encoding";
		}
		if (c instanceof EOFException || msg.contains("Unexpected end of ZLIB") || msg.contains("Truncated ZIP")) {
			return "damaged or truncated file (unexpected end of data)";
		}
		if (c instanceof XMLStreamException) {
			return "malformed XML: " + firstLine(msg);
		}
		return null;
	}

	public static String describe(Throwable t) {
		String msg = t.getMessage();
		return t.getClass().getSimpleName() + (msg == null ? "" : ": " + firstLine(msg));
	}

	public static String firstLine(String msg) {
		String one = msg.strip();
		int nl = one.indexOf('\n');
		if (nl >= 0) {
			one = one.substring(0, nl).strip();
		}
		return one.length() > 200 ? one.substring(0, 200) + "…" : one;
	}

}
