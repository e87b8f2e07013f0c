package org.tally.answer;

import java.util.List;
import java.util.Map;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadStatus;
import org.tally.validate.RejectedCell;

/**
 * One file of a run as its department is told of it: what became of it, in Chinese and in
 * English, its rejected cells, and the department's own header text of each column.
 * {@code headerTexts} is by column letter ({"B": "项目编号"}), {@code columnHeaders} by
 * dataset column ({"project_code": "项目编号"}).
 */
public record AnsweredFile(FileRecord file, String departmentName, String sheet, String outcomeZh, String outcomeEn,
		Map<String, String> headerTexts, Map<String, String> columnHeaders, List<RejectedCell> rejects) {

	public AnsweredFile {
		headerTexts = Map.copyOf(headerTexts);
		columnHeaders = Map.copyOf(columnHeaders);
		rejects = List.copyOf(rejects);
	}

	/** The file's name without its inbox folder. */
	public String fileName() {
		String path = file.filePath();
		return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
	}

	/**
	 * The department's header text of a sheet column, on one line; null when the file's
	 * header had none there.
	 */
	public String letterHeader(String letter) {
		return oneLine(headerTexts.get(letter));
	}

	/** Header text on one line: a header cell often breaks 签约\n投资额 across lines. */
	static String oneLine(String text) {
		return text == null || text.isBlank() ? null : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "");
	}

	/** The department's header text of a dataset column, else the column's name. */
	public String columnHeader(String column) {
		return column == null ? "" : columnHeaders.getOrDefault(column, column);
	}

	/**
	 * Whether the department has something to fix: the file was set aside or rows of it
	 * were rejected.
	 */
	public boolean needsFixing() {
		LoadStatus status = file.status();
		return status == LoadStatus.QUARANTINED || status == LoadStatus.REJECTED || !rejects.isEmpty()
				|| (file.rowsRejected() != null && file.rowsRejected() > 0);
	}

	/** Loaded (or loaded and replaced within the same run) with no row rejected. */
	public boolean loadedCleanly() {
		return (file.status() == LoadStatus.LOADED || file.status() == LoadStatus.SUPERSEDED) && !needsFixing();
	}

	/** Rejected rows, counted as the registry did; the cells when it has no count. */
	public int rejectedRows() {
		if (file.rowsRejected() != null) {
			return file.rowsRejected();
		}
		return (int) rejects.stream().mapToInt(RejectedCell::rowNumber).distinct().count();
	}

}
