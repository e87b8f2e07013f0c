package org.tally.operate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `tally files`: every file seen, with department, period, checksum, status and reason.
 */
@Command(name = "files", description = "Lists the files seen in the inbox.")
class FilesCommand extends ContextCommand {

	@Mixin
	FormatOption format;

	@Option(names = "--run", paramLabel = "ID", description = "only the files seen by this run")
	Long run;

	@Override
	int call(ConfigurableApplicationContext context) {
		List<FileRecord> files = context.getBean(LoadRegistry.class).files(run);
		out().print(format.render(() -> table(files), () -> files.stream().map(FilesCommand::json).toList()));
		out().flush();
		return ExitCode.OK.code();
	}

	private static String table(List<FileRecord> files) {
		TextTable table = new TextTable("run", "department", "file", "period", "sha256", "status", "rows", "reason");
		files.forEach(f -> table.row(f.runId(), f.department(), f.filePath(), f.period(), f.sha256().substring(0, 12),
				f.status().sql() + (f.current() ? " (current)" : ""),
				f.rowsLoaded() == null ? "" : f.rowsLoaded() + (f.rowsRejected() == null || f.rowsRejected() == 0 ? ""
						: " +" + f.rowsRejected() + " rejected"),
				f.reason()));
		return table.toString();
	}

	private static Map<String, Object> json(FileRecord f) {
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("run", f.runId());
		file.put("source", f.sourceId());
		file.put("department", f.department());
		file.put("file", f.filePath());
		file.put("period", f.period() == null ? null : f.period().toString());
		file.put("sha256", f.sha256());
		file.put("sizeBytes", f.sizeBytes());
		file.put("status", f.status().sql());
		file.put("current", f.current());
		file.put("reason", f.reason());
		file.put("rowsRead", f.rowsRead());
		file.put("rowsLoaded", f.rowsLoaded());
		file.put("rowsRejected", f.rowsRejected());
		file.put("seenAt", f.seenAt() == null ? null : f.seenAt().toString());
		return file;
	}

}
