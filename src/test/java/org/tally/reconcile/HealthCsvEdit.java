package org.tally.reconcile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A seed health CSV (GB18030) with one planted change, addressed as the sheet is: line
 * numbers and column letters (B = 项目编号, I = 到位资金). The 合计 line is recomputed, so it
 * matches its rows.
 */
final class HealthCsvEdit {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final int FIRST_SUMMED = 5;

	private static final int LAST_SUMMED = 8;

	private final List<List<String>> lines = new ArrayList<>();

	private HealthCsvEdit() {
	}

	static HealthCsvEdit of(Path seed) {
		HealthCsvEdit edit = new HealthCsvEdit();
		try (Reader in = Files.newBufferedReader(seed, GB18030)) {
			for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
				edit.lines.add(new ArrayList<>(record.toList()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return edit;
	}

	/** The value at a cell reference such as B4 (line 4, column B). */
	String get(String cell) {
		return lines.get(line(cell) - 1).get(column(cell));
	}

	HealthCsvEdit set(String cell, String value) {
		lines.get(line(cell) - 1).set(column(cell), value);
		return this;
	}

	static BigDecimal amount(String text) {
		return new BigDecimal(text.replace(",", ""));
	}

	void saveAs(Path target) {
		int totals = totalsIndex();
		for (int c = FIRST_SUMMED; c <= LAST_SUMMED; c++) {
			BigDecimal sum = BigDecimal.ZERO;
			for (int i = 1; i < totals; i++) {
				sum = sum.add(amount(lines.get(i).get(c)));
			}
			lines.get(totals).set(c, sum.toPlainString());
		}
		CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
		try (Writer out = Files.newBufferedWriter(target, GB18030); CSVPrinter csv = new CSVPrinter(out, format)) {
			for (List<String> line : lines) {
				csv.printRecord(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int totalsIndex() {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).get(0).equals("合计")) {
				return i;
			}
		}
		throw new IllegalStateException("no 合计 line");
	}

	private static int line(String cell) {
		return Integer.parseInt(cell.replaceAll("^[A-Z]+", ""));
	}

	private static int column(String cell) {
		return cell.charAt(0) - 'A';
	}

}
