package org.tally.operate.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tally.catalog.Catalog;
import org.tally.catalog.CatalogConfiguration;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.IngestProperties;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.validate.FileInspection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
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

	@ArgGroup(exclusive = false, heading = "What to read FILE as:%n")
	Reading reading = new Reading();

	@ArgGroup(exclusive = true, heading = "What to show (default: the report, first 20 rows):%n")
	Showing showing = new Showing();

	/**
	 * The source and sheet to read the file as, each chosen as a run would unless named.
	 */
	static class Reading {

		@Option(names = "--source", paramLabel = "ID",
				description = "the source to read it as; default the one whose inbox glob matches, else the best header match")
		String source;

		@Option(names = "--sheet", paramLabel = "NAME|INDEX", converter = SheetArgument.class,
				description = "the sheet to read instead of the source's choice (an index counts visible sheets from 0)")
		SheetSelector sheet;

	}

	/** The report with its first rows, or every cell as read: one or the other. */
	static class Showing {

		@Option(names = "--rows", paramLabel = "N", defaultValue = "20", description = "rows to list; default 20")
		int rows = 20;

		@Option(names = "--cells",
				description = "dump every cell of the sheet as read, as JSON lines (needs no source and no header)")
		boolean cells;

	}

	/** "2" is the third visible sheet, anything else a sheet's name. */
	static class SheetArgument implements ITypeConverter<SheetSelector> {

		@Override
		public SheetSelector convert(String value) {
			return value.matches("\\d+") ? SheetSelector.at(Integer.parseInt(value)) : SheetSelector.named(value);
		}

	}

	@Override
	public Integer call() throws Exception {
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString());
		}
		SheetSelector selector = reading.sheet;
		if (showing.cells) {
			CellDump.write(file, selector == null ? SheetSelector.first() : selector, out());
			out().flush();
			return ExitCode.OK.code();
		}
		try (ConfigurableApplicationContext context = CommandContexts.startWithout(locations, Settings.class)) {
			IngestProperties properties = context.getBean(IngestProperties.class);
			Catalog catalog = context.getBean(Catalog.class);
			FileInspection inspection = new FileInspection(catalog, properties.readLimits(), null);
			FileInspection.SourceChoice choice = choose(catalog, inspection, properties.inbox());
			FileInspection.Result result = inspection.inspect(choice.source(), choice.why(), file,
					String.valueOf(file.getFileName()), selector, showing.rows);
			out().print(format.render(() -> InspectReport.table(result), () -> InspectReport.document(result)));
			out().flush();
			return result.readable() && result.rowsRejected() == 0 && result.fileRejected() == null ? ExitCode.OK.code()
					: ExitCode.FINDINGS.code();
		}
	}

	private FileInspection.SourceChoice choose(Catalog catalog, FileInspection inspection, Path inbox) {
		String source = reading.source;
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

	/**
	 * The little `inspect` needs of the application: its settings and the catalog, no
	 * database.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IngestProperties.class)
	@Import(CatalogConfiguration.class)
	static class Settings {

	}

}
