package org.tally.operate.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.IngestProperties;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.validate.FileInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * `tally inspect FILE`: a dry run of one file against a source, showing what Tally sees
 * in it; reads the configuration only, never the database.
 */
@Command(name = "inspect",
		description = "Shows how a run would read FILE: format, sheet, header, units, period, rows and rejects; "
				+ "changes nothing. Exit 5 when the run would reject rows or quarantine the file.")
class InspectCommand extends BaseCommand {

	@Mixin
	LocationOptions locations;

	@Mixin
	FormatOption format;

	@Parameters(index = "0", paramLabel = "FILE", description = "the file to inspect")
	Path file;

	@Option(names = "--source", paramLabel = "ID",
			description = "the source to read it as; default the one whose inbox glob matches, else the best header match")
	String source;

	@Option(names = "--sheet", paramLabel = "NAME|INDEX",
			description = "the sheet to read instead of the source's choice (an index counts visible sheets from 0)")
	String sheet;

	@Option(names = "--rows", paramLabel = "N", defaultValue = "20", description = "rows to list; default 20")
	int rows;

	@Option(names = "--cells",
			description = "dump every cell of the sheet as read, as JSON lines (needs no source and no header)")
	boolean cells;

	@Override
	public Integer call() throws Exception {
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString());
		}
		SheetSelector selector = sheet == null ? null
				: sheet.matches("\\d+") ? SheetSelector.at(Integer.parseInt(sheet)) : SheetSelector.named(sheet);
		if (cells) {
			CellDump.write(file, selector == null ? SheetSelector.first() : selector, out());
			out().flush();
			return ExitCode.OK.code();
		}
		try (ConfigurableApplicationContext context = CommandContexts.startWithout(locations, Settings.class)) {
			IngestProperties properties = context.getBean(IngestProperties.class);
			Catalog catalog = Catalog
				.load(Path.of(context.getEnvironment().getProperty("tally.config-dir", "./config")));
			FileInspection inspection = new FileInspection(catalog, properties.readLimits(), null);
			FileInspection.SourceChoice choice = choose(catalog, inspection, properties.inbox());
			FileInspection.Result result = inspection.inspect(choice.source(), choice.why(), file,
					String.valueOf(file.getFileName()), selector, rows);
			out().print(format.render(() -> InspectReport.table(result), () -> InspectReport.document(result)));
			out().flush();
			return result.readable() && result.rowsRejected() == 0 && result.fileRejected() == null ? ExitCode.OK.code()
					: ExitCode.FINDINGS.code();
		}
	}

	private FileInspection.SourceChoice choose(Catalog catalog, FileInspection inspection, Path inbox) {
		if (source != null) {
			SourceDefinition named = catalog.source(source)
				.orElseThrow(() -> new ParameterException(spec.commandLine(), "no source '" + source + "' (sources: "
						+ String.join(", ", catalog.sources().stream().map(SourceDefinition::id).toList()) + ")"));
			return new FileInspection.SourceChoice(named, "named by --source");
		}
		return inspection.chooseSource(file, inbox)
			.orElseThrow(() -> new IllegalArgumentException("no source's inbox glob matches " + file
					+ " and no source's column names appear in it; name one with --source"));
	}

	/** The little `inspect` needs of the application: its settings, no database. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IngestProperties.class)
	static class Settings {

	}

}
