package org.tally.validate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.FileRows;
import org.tally.ingest.IngestProperties;

/**
 * What the next run would make of a file, before it is put in the inbox: rows read, and
 * each rejected cell with its reference and reason, by the same reader and validator as
 * the run, writing nothing. Codes referring to another dataset are checked against that
 * dataset's current warehouse rows.
 */
@Component
public class FilePreview {

	/** At most this many problems are listed; the counts cover all rows. */
	static final int MAX_PROBLEMS = 500;

	private final Catalog catalog;

	private final JdbcClient jdbc;

	private final IngestProperties properties;

	FilePreview(Catalog catalog, JdbcClient jdbc, IngestProperties properties) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * The preview of one file: the sheet and period read, the counts, and each problem by
	 * cell.
	 */
	public record Result(String sheet, LocalDate period, String unreadable, int rowsRead, int rowsValid,
			int rowsRejected, List<Problem> problems) {

		public Result {
			problems = List.copyOf(problems);
		}

		public boolean readable() {
			return unreadable == null;
		}
	}

	/**
	 * One rejected cell of the previewed file (cell null when the problem is the row's).
	 */
	public record Problem(int row, String cell, String column, String value, String reasonZh, String reasonEn) {
	}

	/** Reads {@code file} as {@code source} would in the inbox under {@code fileName}. */
	public Result preview(SourceDefinition source, Path file, String fileName) {
		RowValidator validator = new RowValidator(catalog, jdbc);
		List<Problem> problems = new ArrayList<>();
		int[] counts = new int[3];
		FileRows.Outline outline = FileRows.read(source, catalog.dataset(source.dataset()), file, fileName, properties,
				row -> {
					counts[0]++;
					try {
						validator.process(row);
						counts[1]++;
					}
					catch (RowRejectedException ex) {
						counts[2]++;
						for (CellProblem problem : ex.problems()) {
							if (problems.size() < MAX_PROBLEMS) {
								problems.add(new Problem(row.rowNumber(), problem.cellRef(), problem.column(),
										problem.rawValue(), problem.reasonZh(), problem.reasonEn()));
							}
						}
					}
				});
		return new Result(outline.sheet(), outline.period(), outline.unreadable(), counts[0], counts[1], counts[2],
				problems);
	}

}
