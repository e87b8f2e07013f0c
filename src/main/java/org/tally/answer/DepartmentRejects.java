package org.tally.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.tally.answer.internal.LoadHeaders;
import org.tally.answer.internal.Outcomes;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadRegistry;
import org.tally.ingest.LoadStatus;
import org.tally.validate.RejectLog;
import org.tally.validate.RejectedCell;

/**
 * Gathers what a run tells about its files: for the operator every department's, for a
 * department only its own files and rows.
 */
@Component
public class DepartmentRejects {

	private final LoadRegistry registry;

	private final RejectLog rejectLog;

	private final LoadHeaders headers;

	private final Catalog catalog;

	DepartmentRejects(LoadRegistry registry, RejectLog rejectLog, LoadHeaders headers, Catalog catalog) {
		this.registry = registry;
		this.rejectLog = rejectLog;
		this.headers = headers;
		this.catalog = catalog;
	}

	/** Every department's files of the run: the operator's report. */
	public RejectsReport of(long runId) {
		return report(runId, null, file -> true);
	}

	/** One department's files of the run, and nothing of any other department. */
	public RejectsReport of(long runId, String department) {
		return report(runId, department, file -> file.department().equals(department));
	}

	/** One department's files of the run among {@code loadIds}: a mail's files again. */
	public RejectsReport of(long runId, String department, List<Long> loadIds) {
		return report(runId, department,
				file -> file.department().equals(department) && loadIds.contains(file.loadId()));
	}

	private RejectsReport report(long runId, String department, Predicate<FileRecord> wanted) {
		List<FileRecord> files = registry.files(runId)
			.stream()
			.filter(wanted)
			.filter(f -> f.status() != LoadStatus.DUPLICATE)
			.sorted(Comparator.comparingLong(FileRecord::loadId))
			.toList();
		Map<Long, List<RejectedCell>> rejects = new HashMap<>();
		if (!files.isEmpty()) {
			rejectLog.rejects(runId)
				.stream()
				.filter(r -> department == null || r.department().equals(department))
				.forEach(r -> rejects.computeIfAbsent(r.loadId(), id -> new ArrayList<>()).add(r));
		}
		Map<Long, LoadHeaders.Layout> layouts = files.isEmpty() ? Map.of() : headers.ofRun(runId);
		List<AnsweredFile> answered = new ArrayList<>();
		for (FileRecord file : files) {
			Optional<SourceDefinition> source = catalog.source(file.sourceId());
			LoadHeaders.Layout layout = layouts.getOrDefault(file.loadId(), LoadHeaders.none());
			Outcomes.Outcome outcome = Outcomes.of(file, source.orElse(null));
			answered.add(new AnsweredFile(file, source.map(SourceDefinition::departmentName).orElse(file.department()),
					layout.sheet(), outcome.zh(), outcome.en(), layout.headerTexts(), columnHeaders(layout, source),
					rejects.getOrDefault(file.loadId(), List.of())));
		}
		return new RejectsReport(runId, department, answered);
	}

	/**
	 * The header text the file had for each dataset column; for a column it lacked, the
	 * source's first alias.
	 */
	private static Map<String, String> columnHeaders(LoadHeaders.Layout layout, Optional<SourceDefinition> source) {
		Map<String, String> headers = new LinkedHashMap<>();
		source.ifPresent(s -> s.columns().forEach((column, spec) -> headers.put(column, spec.aliases().get(0))));
		layout.columnLetters().forEach((column, letter) -> {
			String text = AnsweredFile.oneLine(layout.headerTexts().get(letter));
			if (text != null) {
				headers.put(column, text);
			}
		});
		return headers;
	}

}
