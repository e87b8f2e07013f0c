package org.tally.operate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tally.ingest.FileReading;
import org.tally.ingest.workbook.FileFormat;
import org.tally.validate.FileInspection;

/** `tally inspect`'s report: sections of text, or one JSON document. */
final class InspectReport {

	private InspectReport() {
	}

	static Map<String, Object> document(FileInspection.Result r) {
		FileReading.Outline outline = r.outline();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("file", r.file());
		document.put("source", r.source());
		document.put("sourceChoice", r.sourceChoice());
		document.put("format", r.format());
		document.put("sheet", outline.sheet());
		document.put("sheetChoice", outline.sheetChoice());
		document.put("header", outline.header());
		document.put("period", outline.period() == null ? null : outline.period().toString());
		document.put("periodFrom", outline.periodFrom());
		document.put("quarantine", outline.quarantine());
		document.put("fileRejected", r.fileRejected());
		document.put("rowsRead", r.rowsRead());
		document.put("rowsValid", r.rowsValid());
		document.put("rowsRejected", r.rowsRejected());
		document.put("referencesChecked", r.referencesChecked());
		document.put("rows", r.rows());
		document.put("problems", r.problems());
		return document;
	}

	static String table(FileInspection.Result r) {
		FileReading.Outline outline = r.outline();
		StringBuilder text = new StringBuilder();
		text.append("File     ").append(r.file()).append('\n');
		text.append("Source   ").append(r.source()).append(" (").append(r.sourceChoice()).append(")\n");
		FileFormat format = r.format();
		if (format != null) {
			text.append("Format   ").append(format.kind()).append('\n');
			if (format.encoding() != null) {
				text.append("Encoding ")
					.append(format.encoding())
					.append(" (")
					.append(format.encodingDecidedBy())
					.append(")\n");
				text.append("Delimiter ")
					.append(format.delimiter())
					.append(" (")
					.append(format.delimiterDecidedBy())
					.append(")\n");
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
			text.append("\nPeriod   ")
				.append(outline.period())
				.append(" (from ")
				.append(outline.periodFrom())
				.append(")\n");
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
