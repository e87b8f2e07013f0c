package org.tally.operate.cli;

import java.util.List;
import org.tally.ingest.FileReading;
import org.tally.ingest.workbook.FileFormat;
import org.tally.validate.FileInspection;

/** `tally inspect`'s report: sections of text, or one JSON document. */
final class InspectReport {

	private InspectReport() {
	}

	/** The JSON document: the inspection with its outline's fields at the top level. */
	record Document(String file, String source, String sourceChoice, FileFormat format, String sheet,
			String sheetChoice, FileReading.Header header, String period, String periodFrom, String quarantine,
			String fileRejected, int rowsRead, int rowsValid, int rowsRejected, boolean referencesChecked,
			List<FileInspection.Row> rows, List<FileInspection.Problem> problems) {
	}

	static Document document(FileInspection.Result r) {
		FileReading.Outline outline = r.outline();
		return new Document(r.file(), r.source(), r.sourceChoice(), r.format(), outline.sheet(), outline.sheetChoice(),
				outline.header(), outline.period() == null ? null : outline.period().toString(), outline.periodFrom(),
				outline.quarantine(), r.fileRejected(), r.rowsRead(), r.rowsValid(), r.rowsRejected(),
				r.referencesChecked(), r.rows(), r.problems());
	}

	/** A line of the report: what was decided, then (in brackets) how. */
	private static void decided(StringBuilder text, String label, Object decision, Object how) {
		text.append(label).append(decision).append(" (").append(how).append(")\n");
	}

	static String table(FileInspection.Result r) {
		FileReading.Outline outline = r.outline();
		StringBuilder text = new StringBuilder();
		text.append("File     ").append(r.file()).append('\n');
		decided(text, "Source   ", r.source(), r.sourceChoice());
		FileFormat format = r.format();
		if (format != null) {
			text.append("Format   ").append(format.kind()).append('\n');
			if (format.encoding() != null) {
				decided(text, "Encoding ", format.encoding(), format.encodingDecidedBy());
				decided(text, "Delimiter ", format.delimiter(), format.delimiterDecidedBy());
			}
			TextTable sheets = new TextTable("sheet", "visible", "rows", "chosen");
			format.sheets()
				.forEach(s -> sheets.row(s.name(), s.visible() ? "visible" : "hidden", s.rows(),
						s.name().equals(outline.sheet()) ? "chosen: " + outline.sheetChoice() : ""));
			text.append('\n').append(sheets);
		}
		FileReading.Header header = outline.header();
		if (header != null) {
			text.append("\nHeader   row ").append(header.firstRow());
			if (header.lastRow() != header.firstRow()) {
				text.append('-').append(header.lastRow());
			}
			text.append(", ").append(header.score()).append(" columns named");
			if (header.runnerUpRows() != null) {
				text.append("; runner-up row ")
					.append(header.runnerUpRows())
					.append(" (")
					.append(header.runnerUpScore())
					.append(')');
			}
			text.append('\n');
			TextTable cells = new TextTable("cell", "header", "column", "alias");
			header.cells()
				.forEach(c -> cells.row(c.cell(), c.text(), c.column() == null ? "(unmapped)" : c.column(), c.alias()));
			text.append(cells);
			if (!header.missing().isEmpty()) {
				text.append("Required columns missing: ").append(String.join(", ", header.missing())).append('\n');
			}
			TextTable units = new TextTable("column", "unit", "from", "where");
			header.units().forEach(u -> units.row(u.column(), u.unit(), u.origin(), u.where()));
			text.append('\n').append(units);
		}
		if (outline.period() != null) {
			decided(text, "\nPeriod   ", outline.period(), "from " + outline.periodFrom());
		}
		if (!r.rows().isEmpty()) {
			TextTable rows = new TextTable("row", "kind", "values", "problems");
			r.rows().forEach(row -> rows.row(row.row(), row.kind(), row.values(), String.join("; ", row.problems())));
			text.append('\n').append(rows);
		}
		text.append('\n');
		if (!outline.readable()) {
			text.append("A run would QUARANTINE this file: ").append(outline.quarantine()).append('\n');
			return text.toString();
		}
		text.append(
				String.format("Rows read %d, valid %d, rejected %d%n", r.rowsRead(), r.rowsValid(), r.rowsRejected()));
		if (!r.problems().isEmpty()) {
			TextTable problems = new TextTable("row", "cell", "column", "value", "原因", "reason");
			r.problems()
				.forEach(p -> problems.row(p.row(), p.cell(), p.column(), p.value(), p.reasonZh(), p.reasonEn()));
			text.append(problems);
		}
		if (r.fileRejected() != null) {
			text.append("A run would REJECT the whole file: ").append(r.fileRejected()).append('\n');
		}
		if (!r.referencesChecked()) {
			text.append(
					"Codes referring to other datasets are not checked here (no database); the console's upload preview checks them.\n");
		}
		return text.toString();
	}

}
