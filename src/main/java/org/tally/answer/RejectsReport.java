package org.tally.answer;

import java.util.List;
import org.tally.validate.RejectedCell;

/**
 * What a run tells about its files, for one department or (department null) for the
 * operator: the files oldest first, duplicates left out.
 */
public record RejectsReport(long runId, String department, List<AnsweredFile> files) {

	public RejectsReport {
		files = List.copyOf(files);
	}

	/** Every rejected cell of the report's files, file by file, row by row. */
	public List<RejectedCell> rejects() {
		return files.stream().flatMap(f -> f.rejects().stream()).toList();
	}

	/** The report's files whose department has something to fix. */
	public List<AnsweredFile> needingFixes() {
		return files.stream().filter(AnsweredFile::needsFixing).toList();
	}

}
