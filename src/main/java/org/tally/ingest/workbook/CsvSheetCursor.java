package org.tally.ingest.workbook;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.poi.ss.util.CellReference;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Delimited text in an unknown encoding, streamed record by record. All cells are TEXT;
 * the row number is the record number (a quoted line break does not start a new row, as
 * in Excel).
 */
final class CsvSheetCursor extends RowCursor {

	static final int SAMPLE = 64 * 1024;

	private static final Charset GB18030 = Charset.forName("GB18030");

	/** Encoding decision: charset and how many BOM bytes to skip. */
	record Encoding(Charset charset, int bomLength) {
	}

	private final ReadLimits limits;

	private final Charset charset;

	private final JsonParser parser;

	/**
	 * Sees every byte of the file as the parser consumes it, from the first (the BOM
	 * included).
	 */
	private final DigestInputStream digesting;

	private String sha256;

	/**
	 * Records begun so far: the row number of the current one (a quoted line break starts
	 * no record).
	 */
	private long records;

	/**
	 * The 0-based column of the field being read in the current record, for error
	 * messages.
	 */
	private int column;

	private final ArrayList<RawCell> cells = new ArrayList<>();

	private CsvSheetCursor(Path file, ReadLimits limits, Charset charset, JsonParser parser,
			DigestInputStream digesting) {
		super(file, sheetNameOf(file));
		this.limits = limits;
		this.charset = charset;
		this.parser = parser;
		this.digesting = digesting;
	}

	/** A CSV's one sheet is named after the file. */
	private static String sheetNameOf(Path file) {
		String name = String.valueOf(file.getFileName());
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	static SheetCursor open(Path file, ReadLimits limits) throws IOException {
		byte[] sample;
		try (InputStream in = Files.newInputStream(file)) {
			sample = in.readNBytes(SAMPLE);
		}
		Encoding enc = detect(sample, Files.size(file) <= SAMPLE);
		String head = decodeLeniently(sample, enc);
		char delimiter = 0;
		long offset = 0;
		// Excel's "sep=;" first line names the delimiter and is not a data row.
		if (head.length() >= 5 && head.regionMatches(true, 0, "sep=", 0, 4)
				&& (head.length() == 5 || head.charAt(5) == '\n' || head.charAt(5) == '\r')) {
			delimiter = head.charAt(4);
			offset = 1;
		}
		if (delimiter == 0) {
			delimiter = delimiter(head, Sniffer.extension(file).equals("tsv"));
		}
		DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256Digest());
		try {
			in.readNBytes(enc.bomLength()); // read, not skipped: skipped bytes would
											// escape the digest
			CharsetDecoder decoder = enc.charset()
				.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			Reader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
			if (offset == 1) {
				skipLine(reader);
			}
			// Jackson's CSV parser rather than Commons CSV's: RFC 4180 as strictly (an
			// unterminated quote
			// fails), and cheaper per record on the ingest's busiest thread
			// (docs/stack-notes.md).
			// No header, no comments, no escape character: each record an array of its
			// fields, split at
			// the sniffed delimiter. A cell longer than the limit stops the parser as it
			// grows.
			// The digest reads on past the last record, so the parser must not close the
			// file at its end.
			CsvMapper mapper = new CsvMapper(CsvFactory.builder()
				.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
				.streamReadConstraints(StreamReadConstraints.builder()
					.maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxCellChars()))
					.build())
				.build());
			CsvSchema schema = CsvSchema.emptySchema()
				.withoutHeader()
				.withColumnSeparator(delimiter)
				.withQuoteChar('"');
			JsonParser parser = mapper.reader(schema).createParser(reader);
			return new CsvSheetCursor(file, limits, enc.charset(), parser, in);
		}
		catch (Throwable t) {
			in.close();
			throw t;
		}
	}

	private static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static void skipLine(Reader r) throws IOException {
		int c;
		while ((c = r.read()) >= 0 && c != '\n') {
			if (c == '\r') {
				r.mark(1);
				if (r.read() != '\n') {
					r.reset();
				}
				return;
			}
		}
	}

	/**
	 * BOM first; then strict UTF-8 on the sample; then ICU, preferring GB18030 for
	 * Chinese text.
	 */
	static Encoding detect(byte[] b, boolean wholeFile) {
		if (Sniffer.starts(b, 0xEF, 0xBB, 0xBF)) {
			return new Encoding(StandardCharsets.UTF_8, 3);
		}
		if (Sniffer.starts(b, 0xFF, 0xFE)) {
			return new Encoding(StandardCharsets.UTF_16LE, 2);
		}
		if (Sniffer.starts(b, 0xFE, 0xFF)) {
			return new Encoding(StandardCharsets.UTF_16BE, 2);
		}
		Charset utf16 = bomlessUtf16(b);
		if (utf16 != null) {
			return new Encoding(utf16, 0);
		}
		if (isUtf8(b, wholeFile)) {
			return new Encoding(StandardCharsets.UTF_8, 0);
		}
		CharsetDetector detector = new CharsetDetector();
		detector.setText(b);
		CharsetMatch[] matches = detector.detectAll();
		for (CharsetMatch m : matches) {
			// Department files are mainland Chinese: GBK/GB2312 text is the expected
			// non-UTF-8 case,
			// and short samples often score Big5 or Shift_JIS a little higher by chance.
			if (m.getName().equals("GB18030") && m.getConfidence() >= 10) {
				return new Encoding(GB18030, 0);
			}
		}
		if (matches.length > 0 && Charset.isSupported(matches[0].getName()) && matches[0].getConfidence() >= 50) {
			return new Encoding(Charset.forName(matches[0].getName()), 0);
		}
		return new Encoding(GB18030, 0);
	}

	private static Charset bomlessUtf16(byte[] b) {
		int even = 0;
		int odd = 0;
		int n = b.length & ~1;
		for (int i = 0; i < n; i += 2) {
			if (b[i] == 0 && b[i + 1] != 0) {
				even++;
			}
			else if (b[i + 1] == 0 && b[i] != 0) {
				odd++;
			}
		}
		if (n >= 4 && odd * 10 >= n * 4 && even == 0) {
			return StandardCharsets.UTF_16LE;
		}
		if (n >= 4 && even * 10 >= n * 4 && odd == 0) {
			return StandardCharsets.UTF_16BE;
		}
		return null;
	}

	static boolean isUtf8(byte[] b, boolean wholeFile) {
		CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(b);
		CharBuffer out = CharBuffer.allocate(b.length);
		CoderResult r = d.decode(in, out, wholeFile);
		if (r.isError()) {
			return false;
		}
		// A sample cut inside a multi-byte character leaves at most 3 undecoded bytes.
		return wholeFile ? d.flush(out).isUnderflow() : in.remaining() <= 3;
	}

	private static String decodeLeniently(byte[] b, Encoding e) {
		return new String(b, e.bomLength(), b.length - e.bomLength(), e.charset());
	}

	/**
	 * Picks comma, tab or semicolon: the one splitting the first records most
	 * consistently.
	 */
	static char delimiter(String head, boolean tsv) {
		char[] candidates = { ',', '\t', ';' };
		int maxRecords = 20;
		int[][] counts = new int[candidates.length][maxRecords];
		int record = 0;
		boolean quoted = false;
		for (int i = 0; i < head.length() && record < maxRecords; i++) {
			char c = head.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				if (c == '\r' && i + 1 < head.length() && head.charAt(i + 1) == '\n') {
					i++;
				}
				record++;
			}
			else if (!quoted) {
				for (int k = 0; k < candidates.length; k++) {
					if (c == candidates[k]) {
						counts[k][record]++;
					}
				}
			}
		}
		int records = Math.max(1, Math.min(record + 1, maxRecords));
		char best = tsv ? '\t' : ',';
		long bestScore = 0;
		for (int k = 0; k < candidates.length; k++) {
			int first = counts[k][0];
			if (first == 0) {
				continue;
			}
			int consistent = 0;
			for (int r = 0; r < records; r++) {
				if (counts[k][r] == first) {
					consistent++;
				}
			}
			long score = (long) consistent * 1000 + first;
			if (score > bestScore) {
				bestScore = score;
				best = candidates[k];
			}
		}
		return best;
	}

	@Override
	UnreadableFileException failure(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof CharacterCodingException) {
				return new UnreadableFileException(file, sheetName,
						"text is not valid " + charset.name() + " after record " + recordsBefore(), t);
			}
		}
		if (t instanceof StreamConstraintsException) {
			return new UnreadableFileException(file, sheetName,
					"cell text longer than " + limits.maxCellChars() + " characters in cell " + currentCell(), t);
		}
		if (t instanceof StreamReadException) {
			String msg = t.getMessage() == null ? "" : t.getMessage();
			if (msg.startsWith("Missing closing quote")) {
				return new UnreadableFileException(file, sheetName,
						"unterminated quoted field (a '\"' is never closed) after record " + recordsBefore(), t);
			}
			if (msg.startsWith("Unexpected character")) {
				return new UnreadableFileException(file, sheetName, "text after a closing quote in cell "
						+ currentCell() + " (a quoted field must end at a delimiter or the line's end)", t);
			}
		}
		return Failures.unreadable(file, sheetName, t);
	}

	/** The records read whole before the one being read when reading failed. */
	private long recordsBefore() {
		return Math.max(0, records - 1);
	}

	/** The cell being read when reading failed, e.g. "B3". */
	private String currentCell() {
		return CellReference.convertNumToColString(column) + records;
	}

	@Override
	RawRow readRow() throws IOException {
		// Each record is an array of its fields; after a "sep=" line the first record is
		// still row 1.
		while (parser.nextToken() == JsonToken.START_ARRAY) {
			long number = ++records;
			if (number > limits.maxRows() || number > Integer.MAX_VALUE) {
				throw new Xml.Refused("more than " + limits.maxRows() + " rows");
			}
			int rowNumber = (int) number;
			cells.clear();
			column = 0;
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
				if (column >= limits.maxColumns()) {
					throw new Xml.Refused("more than " + limits.maxColumns() + " columns in row " + rowNumber);
				}
				String v = parser.getString();
				if (!v.isEmpty()) {
					cells.add(new RawCell(column, CellKind.TEXT, v, false));
				}
				column++; // before the next field is parsed, so that its failure names
							// its own cell
			}
			if (!cells.isEmpty()) {
				return new RawRow(rowNumber, cells);
			}
		}
		// The decoder read to the end of the stream; whatever it left unread still
		// belongs to the file.
		digesting.transferTo(OutputStream.nullOutputStream());
		sha256 = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
		return null;
	}

	@Override
	public Optional<String> sha256OfFile() {
		return Optional.ofNullable(sha256);
	}

	@Override
	public boolean date1904() {
		return false;
	}

	@Override
	public String format() {
		return "csv";
	}

	/** The encoding used to decode the file (for reports and diagnostics). */
	Charset charset() {
		return charset;
	}

	@Override
	void release() {
		parser.close();
		try {
			digesting.close();
		}
		catch (IOException ignored) {
			// the file is released either way
		}
	}

}
