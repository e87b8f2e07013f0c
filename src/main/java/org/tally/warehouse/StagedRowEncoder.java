package org.tally.warehouse;

import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.tally.validate.ValidRow;
import org.tally.warehouse.internal.BinaryCopyRows;

/**
 * Encodes each valid row for binary COPY as soon as it is validated. Done in the writer, a chunk
 * later, the encoding read back a thousand rows of freshly made values from main memory: that
 * was two thirds of the ingest thread on a million rows; here the values are still in cache.
 * One instance per step execution (the encoders reuse a buffer).
 */
public class StagedRowEncoder implements ItemProcessor<ValidRow, StagedRow> {

	private final Map<String, BinaryCopyRows> encoders = new HashMap<>();

	@Override
	public StagedRow process(ValidRow row) {
		if (row.totals()) {
			return new StagedRow(row, null);
		}
		DatasetDefinition dataset = row.context().dataset();
		BinaryCopyRows encoder = encoders.computeIfAbsent(dataset.name(),
				name -> new BinaryCopyRows(dataset.columns().stream().map(ColumnDefinition::type).toArray(ColumnType[]::new)));
		return new StagedRow(row, encoder.tuple(row.context().load().id(), row.rowNumber(), row.values()));
	}
}
