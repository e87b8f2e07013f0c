package org.tally.ingest;

/**
 * Finishing a row that was read well failed (a defect, not the file's fault): it fails
 * the run with the file, sheet and row it met, instead of quarantining a good file.
 */
public class RowFinishingException extends RuntimeException {

	RowFinishingException(SourceRow row, RuntimeException cause) {
		super(row.context().load().fileName() + " [" + row.context().sheet() + "] row " + row.rowNumber()
				+ ": the row was read but could not be finished: " + cause, cause);
	}

}
