package org.tally.operate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.answer.DepartmentRejects;
import org.tally.answer.MarkedCopies;
import org.tally.answer.MarkedCopy;
import org.tally.answer.RejectsWorkbook;
import org.tally.validate.RejectLog;
import org.tally.validate.RejectedCell;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `tally rejects`: the rows a run rejected, with cell, value and reason, as a table,
 * JSON, a workbook, or the departments' own files marked.
 */
@Command(name = "rejects",
		description = "Lists the rejected rows of a run (default: the latest) with cell, value and reason.")
class RejectsCommand extends ReadingCommand {

	enum Format {

		TABLE, JSON, XLSX, MARKED

	}

	@ArgGroup(exclusive = true)
	Which which;

	static class Which {

		@Option(names = "--run", paramLabel = "ID", description = "the rejects of this run")
		Long run;

		@Option(names = "--latest", description = "the rejects of the latest run (the default)")
		boolean latest;

	}

	@Option(names = "--format", defaultValue = "table",
			description = "table, json, xlsx (a workbook to send back) or marked (each department's own file, "
					+ "rejected cells red with the reason as a comment)")
	Format format;

	@Option(names = "--out", paramLabel = "FILE",
			description = "write to FILE instead of the terminal; for xlsx default rejects-run-ID.xlsx; "
					+ "for marked a directory, default marked-run-ID")
	Path out;

	@Override
	int call(ConfigurableApplicationContext context) {
		RejectLog log = context.getBean(RejectLog.class);
		Optional<Long> runId = which != null && which.run != null ? Optional.of(which.run) : log.latestRun();
		if (runId.isEmpty()) {
			return nothingYet("no run has seen any file yet");
		}
		List<RejectedCell> rejects = log.rejects(runId.get());
		try {
			if (format == Format.XLSX) {
				Path target = out != null ? out : Path.of("rejects-run-" + runId.get() + ".xlsx");
				RejectsWorkbook.write(context.getBean(DepartmentRejects.class).of(runId.get()), target);
				out().println(rejects.size() + " rejected cells of run " + runId.get() + " written to " + target);
			}
			else if (format == Format.MARKED) {
				marked(context, runId.get());
			}
			else {
				String text = format == Format.JSON ? json(rejects) : table(runId.get(), rejects);
				if (out != null) {
					Files.writeString(out, text, StandardCharsets.UTF_8);
					out().println(rejects.size() + " rejected cells of run " + runId.get() + " written to " + out);
				}
				else {
					out().print(text);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + out, ex);
		}
		out().flush();
		return ExitCode.OK.code();
	}

	/** One marked copy per file with rejects, each under its own name. */
	private void marked(ConfigurableApplicationContext context, long runId) throws IOException {
		Path dir = out != null ? out : Path.of("marked-run-" + runId);
		List<MarkedCopy> copies = context.getBean(MarkedCopies.class)
			.writeAll(context.getBean(DepartmentRejects.class).of(runId), dir);
		for (MarkedCopy copy : copies) {
			out().println(copy.available()
					? copy.file().file().filePath() + ": " + copy.file().rejects().size() + " rejected cells marked in "
							+ dir.resolve(copy.fileName())
					: copy.file().file().filePath() + ": no marked copy (" + copy.missingEn() + ")");
		}
		out().println(copies.stream().filter(MarkedCopy::available).count() + " marked copies of run " + runId
				+ " written to " + dir);
	}

	static String table(long runId, List<RejectedCell> rejects) {
		if (rejects.isEmpty()) {
			return "Run " + runId + " rejected no rows.\n";
		}
		TextTable table = new TextTable("file", "sheet", "cell", "column", "value", "原因", "reason");
		rejects
			.forEach(r -> table.row(r.filePath(), r.sheet(), r.cellRef() == null ? "row " + r.rowNumber() : r.cellRef(),
					r.column(), r.rawValue(), r.reasonZh(), r.reasonEn()));
		return "Run " + runId + ": " + rejects.size() + " rejected cells\n" + table;
	}

	static String json(List<RejectedCell> rejects) {
		return FormatOption.json(rejects.stream().map(RejectJson::new).toList());
	}

	/** A rejected cell as {@code --format json} prints it. */
	record RejectJson(long run, long load, String source, String department, String file, String period,
			String fileStatus, String sheet, int row, String cell, String column, String value, String reasonZh,
			String reasonEn, Map<String, String> rowValues) {

		RejectJson(RejectedCell r) {
			this(r.runId(), r.loadId(), r.sourceId(), r.department(), r.filePath(), FormatOption.text(r.period()),
					r.loadStatus(), r.sheet(), r.rowNumber(), r.cellRef(), r.column(), r.rawValue(), r.reasonZh(),
					r.reasonEn(), r.rowValues());
		}

	}

}
