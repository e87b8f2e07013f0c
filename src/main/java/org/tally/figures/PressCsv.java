package org.tally.figures;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The press view as CSV: the figures sheet's columns, UTF-8 with a BOM so Excel shows the
 * Chinese.
 */
final class PressCsv {

	static final List<String> HEADER = List.of("figure", "label", "label_en", "value", "unit", "display", "phrase",
			"phrase_en", "as_of", "version");

	/**
	 * RFC 4180 records ending in CRLF, a field quoted only when it holds a delimiter,
	 * quote or line break.
	 */
	private static final ObjectWriter CSV = CsvMapper.builder()
		.enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
		.build()
		.writer(CsvSchema.emptySchema().withoutHeader().withLineSeparator("\r\n"));

	private PressCsv() {
	}

	static void write(List<FigureValue> figures, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		// Flushed, not closed: the stream belongs to the caller (a servlet response, a
		// file).
		SequenceWriter csv = CSV.writeValues(writer);
		csv.write(HEADER);
		for (FigureValue f : figures) {
			csv.write(List.of(text(f.id()), text(f.label()), text(f.labelEn()), plain(f), text(f.unit()),
					text(f.display()), text(f.phrase()), text(f.phraseEn()), Objects.toString(f.asOf(), ""),
					String.valueOf(f.version())));
		}
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
