package org.tally.pipeline;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.tally.ingest.SourceRow;
import org.tally.ingest.SourceRowReader;
import org.tally.validate.RowRejectedException;
import org.tally.validate.RowValidator;
import org.tally.validate.ValidRow;
import org.tally.warehouse.StagedRow;
import org.tally.warehouse.StagedRowEncoder;

/**
 * Reads each source row and, at once, validates and encodes it, while its cells are still in the
 * processor's cache: a chunk is read whole before any of it is processed, and five thousand rows
 * later the cells had to come back from main memory (a third of the validator's time). The chunk
 * then holds only what is staged (the COPY tuple), or a rejected row with its problems. The
 * outcome is handed over by the step's processor, so a rejected row is still skipped as a
 * processing fault, counted, limited and recorded by the skip listener as before.
 */
final class ValidatingRowReader implements ItemStreamReader<ValidatingRowReader.ReadRow> {

	private final SourceRowReader source;
	private final RowValidator validator;
	private final StagedRowEncoder encoder;

	ValidatingRowReader(SourceRowReader source, RowValidator validator, StagedRowEncoder encoder) {
		this.source = source;
		this.validator = validator;
		this.encoder = encoder;
	}

	@Override
	public ReadRow read() {
		SourceRow row = source.read();
		if (row == null) {
			return null;
		}
		try {
			ValidRow valid = validator.process(row);
			return new ReadRow(valid == null ? null : encoder.process(valid), null, null);
		}
		catch (RowRejectedException rejected) {
			return new ReadRow(null, row, rejected);
		}
	}

	@Override
	public void open(ExecutionContext executionContext) {
		source.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		source.update(executionContext);
	}

	@Override
	public void close() {
		source.close();
	}

	/**
	 * A row as read: staged (null if the validator filtered it out), or rejected with the source row
	 * the rejects are recorded against (null otherwise, so that valid rows do not keep their cells).
	 */
	record ReadRow(StagedRow staged, SourceRow source, RowRejectedException rejected) {

		/** The processor's result: the staged row, or the rejection thrown for the step to skip. */
		StagedRow outcome() {
			if (rejected != null) {
				throw rejected;
			}
			return staged;
		}
	}
}
