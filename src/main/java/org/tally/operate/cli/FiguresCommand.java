package org.tally.operate.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.figures.FigureVersion;
import org.tally.figures.PressExport;
import org.tally.figures.PressFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * `tally figures`: the figures of the latest run for a period, with value, phrase and
 * status.
 */
@Command(name = "figures",
		description = "Prints the latest published figures; with --press --format xlsx|csv, the press export "
				+ "(csv to standard output unless --out).")
class FiguresCommand extends ReadingCommand {

	@Option(names = "--format", defaultValue = "table", description = "table, json; with --press also xlsx or csv")
	Format format;

	@Mixin
	OutOption out;

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
		if (format == Format.XLSX && !out.given()) {
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
		return printed(format == Format.JSON ? json(figures) : table(figures), ExitCode.OK);
	}

	private Integer export(PressExport export, PressExport.Format as) throws IOException {
		List<FigureValue> written;
		if (!out.given()) {
			written = export.write(as, System.out);
			System.out.flush();
		}
		else {
			try (OutputStream file = Files.newOutputStream(out.file)) {
				written = export.write(as, file);
			}
		}
		if (written.isEmpty()) {
			return nothingYet("no verified figures yet; the export has only its headers (run `tally run` first)");
		}
		if (out.given()) {
			out().println("Wrote " + written.size() + " figures as of "
					+ written.stream().map(FigureValue::asOf).max(LocalDate::compareTo).orElseThrow() + " to "
					+ out.file);
		}
		return ExitCode.OK.code();
	}

	private Integer history(List<FigureVersion> versions, PrintWriter out) {
		if (versions.isEmpty()) {
			return nothingYet(
					"figure '" + history + "' has no published version" + (asOf == null ? "" : " for " + asOf));
		}
		if (format == Format.JSON) {
			out.print(FormatOption.json(versions.stream().map(VersionJson::new).toList()));
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
		return FormatOption.json(new FiguresJson(figures.get(0).asOf().toString(),
				String.valueOf(figures.get(0).runId()), figures.stream().map(FigureJson::new).toList()));
	}

	/** The figures of a run as {@code --format json} prints them. */
	record FiguresJson(String asOf, String runId, List<FigureJson> figures) {
	}

	/** A figure as {@code --format json} prints it. */
	record FigureJson(String id, String asOf, String label, String labelEn, String value, String unit, String display,
			String phrase, String phraseEn, String status, int version, List<String> reasons,
			List<FigureValue.Source> sources) {

		FigureJson(FigureValue f) {
			this(f.id(), f.asOf().toString(), f.label(), f.labelEn(), FormatOption.plain(f.value()), f.unit(),
					f.display(), f.phrase(), f.phraseEn(), f.status(), f.version(), f.reasons(), f.sources());
		}

	}

	/**
	 * A version of one figure, and what it changed, as {@code --format json} prints it.
	 */
	record VersionJson(@JsonUnwrapped FigureJson figure, long runId, String publishedAt, List<String> changes) {

		VersionJson(FigureVersion v) {
			this(new FigureJson(v.figure()), v.figure().runId(), FormatOption.text(v.publishedAt()), v.changes());
		}

	}

}
