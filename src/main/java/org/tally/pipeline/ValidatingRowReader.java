package org.tally.pipeline;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.tally.catalog.Catalog;
import org.tally.ingest.IngestProgress;
import org.tally.ingest.IngestProperties;
import org.tally.ingest.LoadRegistry;
import org.tally.ingest.SourceRow;
import org.tally.ingest.SourceRowReader;
import org.tally.validate.CheckedRow;
import org.tally.validate.RowRejectedException;
import org.tally.validate.RowValidator;
import org.tally.warehouse.StagedRow;
import org.tally.warehouse.StagedRowEncoder;

/**
 * Reads each source row already validated and encoded. A CSV's reading thread reads its
 * cells as their columns' types and encodes the COPY tuple as soon as it has parsed the
 * row, while the cells are still in that core's cache (handed over raw, every cell came
 * back from main memory to the step's core; a workbook's rows are finished at read, see
 * FileRowStream); the step's thread then checks the references, which need the run's
 * state and its transaction, at read, never twice. The chunk holds only what is staged,
 * or a rejected row with its problems. The outcome is handed over by the step's
 * processor, so a rejected row is still skipped as a processing fault, counted, limited
 * and recorded by the skip listener.
 */
final class ValidatingRowReader implements ItemStreamReader<ValidatingRowReader.ReadRow> {

	private final SourceRowReader<Prepared> source;

	private final RowValidator validator;

	ValidatingRowReader(long runId, Catalog catalog, LoadRegistry registry, IngestProperties ingest,
			IngestProgress progress, RowValidator validator, StagedRowEncoder encoder) {
		this.source = new SourceRowReader<>(runId, catalog, registry, ingest, progress,
				row -> prepare(row, validator, encoder));
		this.validator = validator;
	}

	/**
	 * On the file's reading thread: the cells read and checked, and the tuple encoded if
	 * they all were.
	 */
	private static Prepared prepare(SourceRow row, RowValidator validator, StagedRowEncoder encoder) {
		CheckedRow checked = validator.check(row);
		StagedRow staged = checked.problems().isEmpty() ? encoder.process(checked.asValid()) : null;
		return new Prepared(validator.retainedForAccept(checked), staged);
	}

	@Override
	public ReadRow read() {
		Prepared row = source.read();
		if (row == null) {
			return null;
		}
		try {
			validator.accept(row.checked());
			return new ReadRow(row.staged(), null, null);
		}
		catch (RowRejectedException rejected) {
			return new ReadRow(null, rejected.row(), rejected);
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
	 * A row as the reading thread left it: checked, and encoded if its cells all read
	 * well.
	 */
	private record Prepared(CheckedRow checked, StagedRow staged) {
	}

	/**
	 * A row as read: staged, or rejected with the source row the rejects are recorded
	 * against (null otherwise, so that valid rows do not keep their cells).
	 */
	record ReadRow(StagedRow staged, SourceRow source, RowRejectedException rejected) {

		/**
		 * The processor's result: the staged row, or the rejection thrown for the step to
		 * skip.
		 */
		StagedRow outcome() {
			if (rejected != null) {
				throw rejected;
			}
			return staged;
		}
	}

}
