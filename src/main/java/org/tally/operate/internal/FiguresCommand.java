package org.tally.operate.internal;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** `tally figures`: the figures of the latest run for a period, with value, phrase and status. */
@Command(name = "figures", mixinStandardHelpOptions = true, description = "Prints the latest published figures.")
class FiguresCommand implements Callable<Integer> {

	@Mixin
	LocationOptions locations;

	@Spec
	CommandSpec spec;

	@Option(names = "--format", defaultValue = "table", description = "table or json")
	OutputFormat format;

	@Option(names = "--as-of", paramLabel = "DATE", description = "reporting period; default the latest")
	LocalDate asOf;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = TallyContext.start(locations, false)) {
			List<FigureValue> figures = context.getBean(FigurePublisher.class).latest(asOf);
			if (figures.isEmpty()) {
				spec.commandLine().getErr().println("tally: no figures published" + (asOf == null ? "" : " for " + asOf)
						+ " yet; run `tally run` first");
				return 1;
			}
			out.print(format == OutputFormat.JSON ? json(figures) : table(figures));
			out.flush();
			return 0;
		}
	}

	static String table(List<FigureValue> figures) {
		TextTable table = new TextTable("figure", "label", "value", "display", "phrase", "status");
		figures.forEach(f -> table.row(f.id(), f.label(), f.value() == null ? "" : f.value().toPlainString(), f.display(),
				f.phrase(), f.status() + (f.reasons().isEmpty() ? "" : ": " + String.join("; ", f.reasons()))));
		return table.toString();
	}

	static String json(List<FigureValue> figures) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("asOf", figures.get(0).asOf().toString());
		document.put("runId", String.valueOf(figures.get(0).runId()));
		document.put("figures", figures.stream().map(FiguresCommand::figure).toList());
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(document) + "\n";
	}

	private static Map<String, Object> figure(FigureValue f) {
		Map<String, Object> figure = new LinkedHashMap<>();
		figure.put("id", f.id());
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
