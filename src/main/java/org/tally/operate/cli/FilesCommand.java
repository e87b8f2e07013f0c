package org.tally.operate.cli;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `tally files`: every file seen, with department, period, checksum, status and reason.
 */
@Command(name = "files", description = "Lists the files seen in the inbox.")
class FilesCommand extends ListingCommand<FileRecord> {

	@Option(names = "--run", paramLabel = "ID", description = "only the files seen by this run")
	Long run;

	@Override
	String table(List<FileRecord> files) {
		TextTable table = new TextTable("run", "department", "file", "period", "sha256", "status", "rows", "reason");
		files.forEach(f -> table.row(f.runId(), f.department(), f.filePath(), f.period(), f.sha256().substring(0, 12),
				f.status().sql() + (f.current() ? " (current)" : ""),
				f.rowsLoaded() == null ? "" : f.rowsLoaded() + (f.rowsRejected() == null || f.rowsRejected() == 0 ? ""
						: " +" + f.rowsRejected() + " rejected"),
				f.reason()));
		return table.toString();
	}

	@Override
	List<FileRecord> rows(ConfigurableApplicationContext context) {
		return context.getBean(LoadRegistry.class).files(run);
	}

	@Override
	Object document(List<FileRecord> files) {
		return files.stream().map(FileJson::new).toList();
	}

	/** A file as {@code --format json} prints it. */
	record FileJson(long run, String source, String department, String file, String period, String sha256,
			long sizeBytes, String status, boolean current, String reason, Integer rowsRead, Integer rowsLoaded,
			Integer rowsRejected, String seenAt) {

		FileJson(FileRecord f) {
			this(f.runId(), f.sourceId(), f.department(), f.filePath(), FormatOption.text(f.period()), f.sha256(),
					f.sizeBytes(), f.status().sql(), f.current(), f.reason(), f.rowsRead(), f.rowsLoaded(),
					f.rowsRejected(), FormatOption.text(f.seenAt()));
		}

	}

}
