package org.tally.validate;

import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.IngestProperties;

/**
 * The console's upload preview: a {@link FileInspection} of a file before it is put in
 * the inbox, checking codes that refer to another dataset against its current warehouse
 * rows.
 */
@Component
public class FilePreview {

	/** The rows listed classified on the preview page; the counts cover all rows. */
	static final int ROWS_SHOWN = 200;

	private final FileInspection inspection;

	FilePreview(Catalog catalog, JdbcClient jdbc, IngestProperties properties) {
		this.inspection = new FileInspection(catalog, properties.readLimits(), jdbc);
	}

	/** Reads {@code file} as {@code source} would in the inbox under {@code fileName}. */
	public FileInspection.Result preview(SourceDefinition source, Path file, String fileName) {
		return inspection.inspect(source, "chosen at upload", file, fileName, null, ROWS_SHOWN);
	}

}
