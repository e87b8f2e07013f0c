package org.tally.ingest.workbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.poi.ss.util.CellReference;
import org.tally.ingest.workbook.internal.CountingInputStream;
import org.tally.ingest.workbook.internal.Failures;
import org.tally.ingest.workbook.internal.Refused;
import org.tally.ingest.workbook.internal.RowChars;
import org.tally.ingest.workbook.internal.RowCursor;
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

	private final ReadLimits limits;

	private final Charset charset;

	private final JsonParser parser;

	/**
	 * Sees every byte of the file as the parser consumes it, from the first (the BOM
	 * included).
	 */
	private final DigestInputStream digesting;

	/** The file's bytes read so far, against its size: the reader's position. */
	private final CountingInputStream counting;

	private final long size;

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

	private final RowChars rowChars;

	private CsvSheetCursor(Path file, ReadLimits limits, Charset charset, JsonParser parser,
			DigestInputStream digesting, CountingInputStream counting, long size) {
		super(file, sheetNameOf(file));
		this.counting = counting;
		this.size = size;
		this.limits = limits;
		this.rowChars = new RowChars(limits.maxRowChars());
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
		CsvEncoding enc = CsvEncoding.detect(sample, Files.size(file) <= SAMPLE);
		CsvDialect dialect = CsvDialect.sniff(enc.decodeLeniently(sample), Sniffer.extension(file).equals("tsv"));
		CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
		DigestInputStream in = new DigestInputStream(counting, sha256Digest());
		try {
			// Read, not skipped: skipped bytes would escape the digest.
			in.readNBytes(enc.bomLength());
			Reader reader = new BufferedReader(new InputStreamReader(in, enc.strictDecoder()), 1 << 16);
			if (dialect.sepLine()) {
				skipLine(reader);
			}
			// Jackson's CSV parser rather than Commons CSV's: RFC 4180 as strictly (an
			// unterminated quote fails), and cheaper per record on the ingest's busiest
			// thread (docs/stack-notes.md).
			// No header, no comments, no escape character: each record an array of its
			// fields, split at the sniffed delimiter. A cell longer than the limit stops
			// the parser as it grows. The digest reads on past the last record, so the
			// parser must not close the file at its end.
			CsvMapper mapper = new CsvMapper(CsvFactory.builder()
				.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
				.streamReadConstraints(StreamReadConstraints.builder()
					.maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxCellChars()))
					.build())
				.build());
			CsvSchema schema = CsvSchema.emptySchema()
				.withoutHeader()
				.withColumnSeparator(dialect.delimiter())
				.withQuoteChar('"');
			JsonParser parser = mapper.reader(schema).createParser(reader);
			return new CsvSheetCursor(file, limits, enc.charset(), parser, in, counting, Files.size(file));
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

	@Override
	protected UnreadableFileException failure(Throwable t) {
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
	protected RawRow readRow() throws IOException {
		// Each record is an array of its fields; after a "sep=" line the first record is
		// still row 1.
		while (parser.nextToken() == JsonToken.START_ARRAY) {
			long number = ++records;
			if (number > limits.maxRows() || number > Integer.MAX_VALUE) {
				throw new Refused("more than " + limits.maxRows() + " rows");
			}
			int rowNumber = (int) number;
			cells.clear();
			rowChars.reset();
			column = 0;
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
				if (column >= limits.maxColumns()) {
					throw new Refused("more than " + limits.maxColumns() + " columns in row " + rowNumber);
				}
				String v = parser.getString();
				if (!v.isEmpty()) {
					rowChars.add(v.length(), column, rowNumber);
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
	public double fractionRead() {
		return size <= 0 ? 1 : Math.min(1, (double) counting.count() / size);
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
	protected void release() {
		parser.close();
		try {
			digesting.close();
		}
		catch (IOException ignored) {
			// the file is released either way
		}
	}

}
