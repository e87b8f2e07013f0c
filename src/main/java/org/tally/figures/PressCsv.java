package org.tally.figures;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The press view as CSV: the figures sheet's columns, UTF-8 with a BOM so Excel shows the
 * Chinese.
 */
final class PressCsv {

	static final List<String> HEADER = List.of("figure", "label", "label_en", "value", "unit", "display", "phrase",
			"phrase_en", "as_of", "version");

	private PressCsv() {
	}

	static void write(List<FigureValue> figures, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
		csv.printRecord(HEADER);
		for (FigureValue f : figures) {
			csv.printRecord(text(f.id()), text(f.label()), text(f.labelEn()), plain(f), text(f.unit()),
					text(f.display()), text(f.phrase()), text(f.phraseEn()), f.asOf(), f.version());
		}
		// flushed, not closed: the stream belongs to the caller (a servlet response, a
		// file)
		csv.flush();
	}

	/**
	 * Yuan with two decimals, counts whole; plain digits so a program reading the CSV
	 * need not guess.
	 */
	static String plain(FigureValue figure) {
		if (figure.value() == null) {
			return "";
		}
		BigDecimal value = "CNY".equals(figure.unit()) ? figure.value().setScale(2, RoundingMode.HALF_UP)
				: figure.value().setScale(0, RoundingMode.HALF_UP);
		return value.toPlainString();
	}

	private static String text(String value) {
		return value == null ? "" : ExportText.neutralised(value);
	}

}
