package org.tally.operate.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * `tally files`: every file seen, with department, period, checksum, status and reason.
 */
@Command(name = "files", mixinStandardHelpOptions = true, description = "Lists the files seen in the inbox.")
class FilesCommand implements Callable<Integer> {

	@Mixin
	LocationOptions locations;

	@Spec
	CommandSpec spec;

	@Option(names = "--format", defaultValue = "table", description = "table or json")
	OutputFormat format;

	@Option(names = "--run", paramLabel = "ID", description = "only the files seen by this run")
	Long run;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = CommandContexts.start(locations, false)) {
			List<FileRecord> files = context.getBean(LoadRegistry.class).files(run);
			if (format == OutputFormat.JSON) {
				out.println(JsonMapper.builder()
					.enable(SerializationFeature.INDENT_OUTPUT)
					.build()
					.writeValueAsString(files.stream().map(FilesCommand::json).toList()));
			}
			else {
				TextTable table = new TextTable("run", "department", "file", "period", "sha256", "status", "rows",
						"reason");
				files.forEach(f -> table.row(f.runId(), f.department(), f.filePath(), f.period(),
						f.sha256().substring(0, 12), f.status().sql() + (f.current() ? " (current)" : ""),
						f.rowsLoaded() == null ? ""
								: f.rowsLoaded() + (f.rowsRejected() == null || f.rowsRejected() == 0 ? ""
										: " +" + f.rowsRejected() + " rejected"),
						f.reason()));
				out.print(table);
			}
			out.flush();
			return 0;
		}
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
