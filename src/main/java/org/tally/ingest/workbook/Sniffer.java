package org.tally.ingest.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Decides what a file is from its first bytes, never from its extension alone. */
final class Sniffer {

	enum Kind {

		OOXML_ZIP, OLE2, CSV

	}

	static final int HEAD = 4096;

	private Sniffer() {
	}

	static Kind sniff(Path file, ReadLimits limits) throws IOException {
		if (!Files.exists(file)) {
			throw new UnreadableFileException(file, null, "file not found");
		}
		if (!Files.isRegularFile(file)) {
			throw new UnreadableFileException(file, null, "not a regular file");
		}
		long size = Files.size(file);
		if (size == 0) {
			throw new UnreadableFileException(file, null, "empty file (0 bytes)");
		}
		if (size > limits.maxFileBytes()) {
			throw new UnreadableFileException(file, null,
					"file too large: " + size + " bytes (limit " + limits.maxFileBytes() + ")");
		}
		byte[] head = new byte[(int) Math.min(HEAD, size)];
		try (InputStream in = Files.newInputStream(file)) {
			int n = in.readNBytes(head, 0, head.length);
			if (n < head.length) {
				throw new UnreadableFileException(file, null, "file shrank while being read");
			}
		}
		return classify(file, head);
	}

	static Kind classify(Path file, byte[] h) {
		if (starts(h, 'P', 'K', 3, 4) || starts(h, 'P', 'K', 5, 6) || starts(h, 'P', 'K', 7, 8)) {
			return Kind.OOXML_ZIP;
		}
		if (starts(h, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return Kind.OLE2;
		}
		String binary = knownBinary(h);
		if (binary != null) {
			throw new UnreadableFileException(file, null, binary);
		}
		String markup = markup(h);
		if (markup != null) {
			throw new UnreadableFileException(file, null, markup);
		}
		if (looksBinary(h)) {
			throw new UnreadableFileException(file, null, "not a spreadsheet (unrecognised binary content)");
		}
		String ext = extension(file);
		if (ext.equals("csv") || ext.equals("txt") || ext.equals("tsv")) {
			return Kind.CSV;
		}
		throw new UnreadableFileException(file, null, "not a spreadsheet: plain text with extension '." + ext
				+ "' (only .csv, .txt and .tsv are read as delimited text)");
	}

	private static String knownBinary(byte[] h) {
		if (starts(h, '%', 'P', 'D', 'F')) {
			return "not a spreadsheet (looks like a PDF)";
		}
		if (starts(h, 0x89, 'P', 'N', 'G')) {
			return "not a spreadsheet (looks like a PNG image)";
		}
		if (starts(h, 0xFF, 0xD8, 0xFF)) {
			return "not a spreadsheet (looks like a JPEG image)";
		}
		if (starts(h, 'G', 'I', 'F', '8')) {
			return "not a spreadsheet (looks like a GIF image)";
		}
		if (starts(h, 'R', 'a', 'r', '!')) {
			return "not a spreadsheet (looks like a RAR archive)";
		}
		if (starts(h, '7', 'z', 0xBC, 0xAF)) {
			return "not a spreadsheet (looks like a 7z archive)";
		}
		if (starts(h, 0x1F, 0x8B)) {
			return "not a spreadsheet (looks like a gzip archive)";
		}
		// BIFF2/3/4 worksheets start with a BOF record 0x0009/0x0209/0x0409 of length
		// 4..8.
		if (h.length >= 4 && (h[0] == 0x09) && (h[1] == 0x00 || h[1] == 0x02 || h[1] == 0x04)
				&& (h[2] == 0x04 || h[2] == 0x06 || h[2] == 0x08) && h[3] == 0x00) {
			return "Excel 2.x-4.0 workbook is too old; save it as .xlsx";
		}
		return null;
	}

	/** Web systems often export HTML or SpreadsheetML 2003 under an .xls name. */
	private static String markup(byte[] h) {
		int start = 0;
		if (starts(h, 0xEF, 0xBB, 0xBF)) {
			start = 3;
		}
		String text = new String(h, start, h.length - start, StandardCharsets.ISO_8859_1).stripLeading()
			.toLowerCase(Locale.ROOT);
		if (!text.startsWith("<")) {
			return null;
		}
		if (text.contains("urn:schemas-microsoft-com:office:spreadsheet")) {
			return "Excel 2003 XML spreadsheet is not supported; save it as .xlsx";
		}
		if (text.startsWith("<html") || text.startsWith("<!doctype html") || text.startsWith("<table")
				|| text.contains("<html")) {
			return "not a spreadsheet (an HTML page, e.g. a web export named .xls); open it in Excel and save as .xlsx";
		}
		if (text.startsWith("<?xml")) {
			return "not a spreadsheet (an XML document)";
		}
		return null;
	}

	private static boolean looksBinary(byte[] h) {
		if (starts(h, 0xFF, 0xFE) || starts(h, 0xFE, 0xFF)) {
			return false; // UTF-16 with BOM has NULs in ASCII ranges
		}
		int nul = 0;
		int nulEven = 0;
		int control = 0;
		for (int i = 0; i < h.length; i++) {
			int b = h[i] & 0xFF;
			if (b == 0) {
				nul++;
				if ((i & 1) == 0) {
					nulEven++;
				}
			}
			else if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
				control++;
			}
		}
		if (nul > 0) {
			// BOM-less UTF-16: NULs sit consistently on one parity.
			boolean utf16 = nul * 3 >= h.length && (nulEven == 0 || nulEven == nul) && h.length > 1;
			return !utf16;
		}
		return control * 10 > h.length;
	}

	static String extension(Path file) {
		String name = String.valueOf(file.getFileName());
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	static boolean starts(byte[] h, int... magic) {
		if (h.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((h[i] & 0xFF) != (magic[i] & 0xFF)) {
				return false;
			}
		}
		return true;
	}

}
