package org.tally.operate.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.figures.FigureVersion;
import org.tally.figures.PressExport;
import org.tally.figures.PressFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * `tally figures`: the figures of the latest run for a period, with value, phrase and
 * status.
 */
@Command(name = "figures", description = "Prints the latest published figures.")
class FiguresCommand extends ContextCommand {

	@Option(names = "--format", defaultValue = "table", description = "table, json; with --press also xlsx or csv")
	Format format;

	@Option(names = "--out", paramLabel = "FILE",
			description = "where xlsx or csv is written (csv: standard output without)")
	Path outFile;

	/** The output formats: the listing ones, and the press export's files. */
	enum Format {

		TABLE, JSON, XLSX, CSV

	}

	@Option(names = "--as-of", paramLabel = "DATE", description = "reporting period; default the latest")
	LocalDate asOf;

	@Option(names = "--history", paramLabel = "ID", description = "one figure's versions and what each changed")
	String history;

	@Option(names = "--press", description = "the press view: each figure's latest verified version and its as-of date")
	boolean press;

	/** Options that do not go together are said before a context starts. */
	@Override
	public Integer call() throws Exception {
		if ((format == Format.XLSX || format == Format.CSV) && (!press || history != null)) {
			throw new ParameterException(spec.commandLine(), "--format " + format.name().toLowerCase(Locale.ROOT)
					+ " exports the press view: use it with --press");
		}
		if (format == Format.XLSX && outFile == null) {
			throw new ParameterException(spec.commandLine(), "--format xlsx needs --out FILE");
		}
		return super.call();
	}

	@Override
	int call(ConfigurableApplicationContext context) throws IOException {
		if (format == Format.XLSX || format == Format.CSV) {
			return export(context.getBean(PressExport.class),
					format == Format.XLSX ? PressExport.Format.XLSX : PressExport.Format.CSV);
		}
		if (history != null) {
			return history(context.getBean(PressFigures.class).history(history, asOf), out());
		}
		List<FigureValue> figures = press ? context.getBean(PressFigures.class).pressView()
				: context.getBean(FigurePublisher.class).latest(asOf);
		if (figures.isEmpty()) {
			return nothingYet(
					"no figures published" + (asOf == null ? "" : " for " + asOf) + " yet; run `tally run` first");
		}
		out().print(format == Format.JSON ? json(figures) : table(figures));
		out().flush();
		return ExitCode.OK.code();
	}

	private Integer export(PressExport export, PressExport.Format as) throws IOException {
		List<FigureValue> written;
		if (outFile == null) {
			written = export.write(as, System.out);
			System.out.flush();
		}
		else {
			try (OutputStream file = Files.newOutputStream(outFile)) {
				written = export.write(as, file);
			}
		}
		if (written.isEmpty()) {
			return nothingYet("no verified figures yet; the export has only its headers (run `tally run` first)");
		}
		if (outFile != null) {
			out().println("Wrote " + written.size() + " figures as of "
					+ written.stream().map(FigureValue::asOf).max(LocalDate::compareTo).orElseThrow() + " to "
					+ outFile);
		}
		return ExitCode.OK.code();
	}

	private Integer history(List<FigureVersion> versions, PrintWriter out) {
		if (versions.isEmpty()) {
			return nothingYet(
					"figure '" + history + "' has no published version" + (asOf == null ? "" : " for " + asOf));
		}
		if (format == Format.JSON) {
			out.print(FormatOption.json(versions.stream().map(v -> {
				Map<String, Object> version = figure(v.figure());
				version.put("asOf", v.figure().asOf().toString());
				version.put("runId", v.figure().runId());
				version.put("publishedAt", v.publishedAt() == null ? null : v.publishedAt().toString());
				version.put("changes", v.changes());
				return version;
			}).toList()));
		}
		else {
			TextTable table = new TextTable("as of", "version", "value", "display", "status", "run", "published",
					"changes");
			versions.forEach(v -> table.row(v.figure().asOf(), v.figure().version(),
					v.figure().value() == null ? "" : v.figure().value().toPlainString(), v.figure().display(),
					v.figure().status(), v.figure().runId(), v.publishedAt(), String.join("; ", v.changes())));
			out.print(table);
		}
		out.flush();
		return ExitCode.OK.code();
	}

	static String table(List<FigureValue> figures) {
		TextTable table = new TextTable("figure", "label", "as of", "value", "display", "phrase", "status");
		figures.forEach(f -> table.row(f.id(), f.label(), f.asOf(), f.value() == null ? "" : f.value().toPlainString(),
				f.display(), f.phrase(),
				f.status() + (f.reasons().isEmpty() ? "" : ": " + String.join("; ", f.reasons()))));
		return table.toString();
	}

	static String json(List<FigureValue> figures) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("asOf", figures.get(0).asOf().toString());
		document.put("runId", String.valueOf(figures.get(0).runId()));
		document.put("figures", figures.stream().map(FiguresCommand::figure).toList());
		return FormatOption.json(document);
	}

	private static Map<String, Object> figure(FigureValue f) {
		Map<String, Object> figure = new LinkedHashMap<>();
		figure.put("id", f.id());
		figure.put("asOf", f.asOf().toString());
		figure.put("label", f.label());
		figure.put("labelEn", f.labelEn());
		figure.put("value", f.value() == null ? null : f.value().toPlainString());
		figure.put("unit", f.unit());
		figure.put("display", f.display());
		figure.put("phrase", f.phrase());
		figure.put("phraseEn", f.phraseEn());
		figure.put("status", f.status());
		figure.put("version", f.version());
		figure.put("reasons", f.reasons());
		figure.put("sources", f.sources().stream().map(s -> {
			Map<String, Object> source = new LinkedHashMap<>();
			source.put("file", s.file());
			source.put("sheet", s.sheet());
			source.put("rows", s.rows());
			return source;
		}).toList());
		return figure;
	}

}
